package io.shopscale.loadtest.blackfriday.capacity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopscale.loadtest.bench.Summary;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.traffic.Measurements;
import io.shopscale.loadtest.blackfriday.workload.Action;
import org.HdrHistogram.Histogram;

/**
 * One step of a capacity run as measured, every request counted in the step it was scheduled in.
 *
 * @param targetRate    the profile's arrivals per second in the step
 * @param offered       arrivals that fell due in the step, sent or dropped
 * @param good          answers to the mix's own requests (arrivals, not the follow-ups they cause) that were not
 *                      errors: refusals such as a checkout's 409 count, 5xx, 429, timeouts and drops do not
 * @param checkouts     checkouts the shop accepted (202), resends left out
 * @param requests      every request of the step, follow-ups (order polls, resends, logins) and drops included
 * @param errors        those that ended in an error, drops included
 * @param answered      those answered with an HTTP status, whatever it was
 * @param latencyMicros per endpoint label, the measured answers' latencies
 */
public record StepMeasure(String name, double seconds, double targetRate, long offered, long good, long checkouts,
        long requests, long errors, long answered, Map<String, Histogram> latencyMicros) {

    /** The endpoints an arrival of the mix lands on. */
    static final Set<Endpoint> MIX = Arrays.stream(Action.values()).map(Endpoint::of).collect(Collectors.toSet());
    private static final Set<Endpoint> CHECKOUTS = Set.of(Endpoint.CHECKOUT, Endpoint.FLASH_CHECKOUT);

    public StepMeasure {
        latencyMicros = Map.copyOf(latencyMicros);
    }

    /** The step named {@code phase}, read from the run's per-phase measurements. */
    public static StepMeasure of(Measurements measurements, String phase, double seconds, double targetRate) {
        long good = 0;
        long checkouts = 0;
        long requests = 0;
        long errors = 0;
        long answered = 0;
        Map<String, Histogram> latency = new LinkedHashMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            Summary summary = measurements.summary(phase, endpoint, seconds);
            requests += summary.calls() + summary.dropped();
            errors += summary.dropped();
            for (Map.Entry<String, Long> outcome : summary.counts().entrySet()) {
                boolean error = endpoint.isError(outcome.getKey());
                errors += error ? outcome.getValue() : 0;
                good += !error && MIX.contains(endpoint) ? outcome.getValue() : 0;
                answered += isStatus(outcome.getKey()) ? outcome.getValue() : 0;
            }
            if (CHECKOUTS.contains(endpoint)) {
                checkouts += summary.counts().getOrDefault("202", 0L);
            }
            latency.put(endpoint.label(), summary.successMicros());
        }
        return new StepMeasure(phase, seconds, targetRate, measurements.offered(phase), good, checkouts, requests,
                errors, answered, latency);
    }

    private static boolean isStatus(String outcome) {
        return outcome.length() == 3 && outcome.chars().allMatch(Character::isDigit);
    }
}

package io.shopscale.loadtest.blackfriday.capacity;

import java.util.List;

/**
 * What a capacity run found, as {@code report.json} carries it under {@code capacity}. Rates are per second of the
 * step; latencies in milliseconds; CPU in milliseconds of CPU time.
 *
 * @param errorLimit         the share of a step's requests that may end in an error for the step to hold
 * @param capacity           answers per second of the mix that were not errors (goodput) in the highest step that
 *                           held while every step below it held too; null when even the first step broke
 * @param checkoutsPerSecond checkouts accepted (202) per second in that step; null likewise
 * @param step               the step that gave the capacity, or null
 * @param brokenAt           the first step that broke, or null when every step held (then the capacity is a lower
 *                           bound: the platform may take more)
 * @param cpu                CPU per request answered in the capacity's step; null without watched processes or
 *                           without a capacity
 * @param line               the one-line result, as printed
 */
public record Capacity(double errorLimit, Double capacity, Double checkoutsPerSecond, String step, String brokenAt,
        Cpu cpu, String line, List<Step> steps) {

    public Capacity {
        steps = List.copyOf(steps);
    }

    /**
     * One step. {@code holds} when every latency objective it could be judged on held and {@code errorRate} stayed
     * within the limit; {@code reasons} say what broke it.
     */
    public record Step(String name, double seconds, double targetRate, double offeredPerSecond,
            double goodputPerSecond, double checkoutsPerSecond, long requests, long errors, double errorRate,
            List<LatencyCheck> latency, boolean holds, List<String> reasons, Cpu cpu) {

        public Step {
            latency = List.copyOf(latency);
            reasons = List.copyOf(reasons);
        }

        /** The latency check nearest its limit or furthest past it, or null when none could be judged. */
        public LatencyCheck worst() {
            return latency.stream().filter(check -> check.ms() != null)
                    .max((a, b) -> Double.compare(a.ms() / a.limitMs(), b.ms() / b.limitMs())).orElse(null);
        }
    }

    /**
     * One latency objective in one step; {@code ms} is null (and the check not judged) when the endpoint had no
     * measured answers in the step.
     */
    public record LatencyCheck(String objective, String endpoint, double limitMs, Double ms, Boolean holds) {
    }

    /**
     * CPU per request answered in a step: {@code answered} counts every request of the step answered with a status,
     * follow-ups included. {@code msPerRequest} is the total over the components, null when one of them could not be
     * read for the whole step.
     */
    public record Cpu(long answered, Double msPerRequest, List<ComponentCpu> components) {

        public Cpu {
            components = List.copyOf(components);
        }
    }

    /** One watched process in one step; {@code cpuMs} and {@code msPerRequest} are null when it was not readable. */
    public record ComponentCpu(String name, long pid, Double cpuMs, Double msPerRequest, String note) {
    }
}

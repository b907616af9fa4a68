package io.shopscale.loadtest.blackfriday.drill;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.blackfriday.audit.Check;

/**
 * What a fault drill found, as {@code report.json} carries it under {@code drill} and the terminal shows it: the load,
 * the fault, the answers in each window of the timeline, how the platform recovered and drained, and every check.
 * Durations are seconds; instants are UTC.
 */
public record DrillReport(Fault fault, Load load, List<Window> windows, Recovery recovery, Drain drain,
        List<Check> checks, boolean passed, int exitCode) {

    public DrillReport {
        windows = List.copyOf(windows);
        checks = List.copyOf(checks);
    }

    /**
     * @param seconds how long the fault lasted, from taking effect to being undone; null if it never was
     * @param failure why injecting or healing it went wrong, or null
     */
    public record Fault(String name, String what, Instant injectedAt, Instant healedAt, Double seconds,
            String failure) {
    }

    /**
     * @param rate     arrivals per second
     * @param requests every request that ended, during the load and while settling (order polls, resends)
     * @param outcomes those requests by status code or failure
     */
    public record Load(String profile, double rate, int shoppers, long seed, Instant startedAt, Instant endedAt,
            double seconds, long requests, Map<String, Long> outcomes) {
    }

    /**
     * One stretch of the timeline (lead-in, fault, tail, after the load) and the requests that ended in it.
     *
     * @param to        null for the open end after the load
     * @param checkouts checkouts and checkouts sent again, with their outcomes
     */
    public record Window(String name, Instant from, Instant to, long requests, Map<String, Long> outcomes,
            long checkouts, Map<String, Long> checkoutOutcomes) {
    }

    /**
     * @param firstAcceptedAfterHealing seconds from healing to the first checkout answered 202; null if none was
     * @param longestWithoutAccepted    the longest stretch of the load in which no checkout was answered 202
     */
    public record Recovery(Double firstAcceptedAfterHealing, Instant firstAcceptedAt, double longestWithoutAccepted,
            Instant longestWithoutAcceptedFrom, Instant longestWithoutAcceptedTo, long acceptedDuringFault) {
    }

    /**
     * How the backlog went away. First the orders the fault held over: placed before healing and not final when it
     * was healed, read from the database's own timestamps. Then the settle step: every order of the run final and
     * nothing left to do in the outboxes, payments, refunds and reservations that the run created.
     *
     * @param heldOver          orders placed before healing that became final only after it, or never
     * @param heldOverNotFinal  of those, the ones still not final
     * @param heldOverFinal     seconds from healing until the last of them was final; null if one never was
     * @param afterHealing      seconds from healing to drained; null if it did not drain or was never healed
     * @param afterLoad         seconds from the end of the load to drained; null if it did not drain
     * @param remaining         what was still to do when waiting stopped, in words ("nothing" when drained)
     */
    public record Drain(long heldOver, long heldOverNotFinal, Double heldOverFinal, boolean drained,
            Instant drainedAt, Double afterHealing, Double afterLoad, String remaining) {
    }
}

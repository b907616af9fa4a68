package io.shopscale.loadtest.blackfriday.traffic;

/**
 * One second of the run: arrivals due by the schedule (sent or dropped), answers of any kind (order polls and
 * resends included) and errors in it; latencies (ms, null when nothing was measured that second) of the answers
 * measured in it, from their scheduled send times. {@code pendingOrders} are accepted orders not yet seen final by
 * their owners' polls. The phase is the profile's, or "settling" after the load.
 */
public record TimelinePoint(int second, String phase, long arrivals, long answered, long errors, Double p50Ms,
        Double p99Ms, Double checkoutP99Ms, int inFlight, long pendingOrders) {
}

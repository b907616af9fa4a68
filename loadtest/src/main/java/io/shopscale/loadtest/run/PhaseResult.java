package io.shopscale.loadtest.run;

import org.HdrHistogram.Histogram;

/**
 * One target measured for one round. {@code elapsedNanos} is the measured window; {@code cpuNanos} is the
 * CPU time the load generator itself used meanwhile, or -1 where the JVM cannot tell.
 */
public record PhaseResult(String target, int round, long elapsedNanos, Histogram latencyMicros, Counts counts,
        long cpuNanos) {

    public double throughput() {
        return elapsedNanos <= 0 ? 0 : counts.completed() * 1e9 / elapsedNanos;
    }
}

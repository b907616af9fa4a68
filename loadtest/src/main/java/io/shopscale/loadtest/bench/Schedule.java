package io.shopscale.loadtest.bench;

/**
 * Fixed-rate send times for the open model: request {@code i} is due at {@code start + i × period} whether or not
 * earlier requests have answered. Latency is measured from the due time, so a slow system cannot slow the
 * schedule down and hide its own queueing.
 */
public record Schedule(long startNanos, double periodNanos) {

    public Schedule {
        if (!(periodNanos > 0)) {
            throw new IllegalArgumentException("the period must be positive");
        }
    }

    public static Schedule of(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be positive");
        }
        return new Schedule(startNanos, 1e9 / ratePerSecond);
    }

    public long due(long index) {
        return startNanos + (long) (index * periodNanos);
    }

    /** How many requests fall due within the first {@code windowNanos} after the start. */
    public long countWithin(long windowNanos) {
        return (long) Math.ceil(windowNanos / periodNanos);
    }
}

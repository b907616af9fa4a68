package io.shopscale.loadtest.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the measured calls ended in, safe to record from many threads. Latency goes into the histogram only for
 * the outcome that counts as success (a 202, a reservation), so a fast refusal cannot flatter the percentiles;
 * every outcome is counted.
 */
public final class Outcomes {

    /** One hour in microseconds: anything slower is clamped rather than lost. */
    private static final long MAX_MICROS = 3_600_000_000L;

    private final String success;
    private final ConcurrentHistogram micros = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    public Outcomes(String success) {
        this.success = success;
    }

    public void record(String outcome, long latencyNanos) {
        counts.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        if (success.equals(outcome)) {
            micros.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyNanos / 1000)));
        }
    }

    public void dropped() {
        dropped.increment();
    }

    public Summary summary(double windowSeconds) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        Histogram copy = micros.copy();
        return new Summary(success, sorted, dropped.sum(), windowSeconds, copy);
    }
}

package io.shopscale.loadtest.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the measured calls ended in, safe to record from many threads. Latency goes into the histogram only for
 * the outcomes that count as success (a 202, a reservation), so a fast refusal cannot flatter the percentiles;
 * every outcome is counted.
 */
public final class Outcomes {

    /** One hour in microseconds: anything slower is clamped rather than lost. */
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Set<String> successes;
    private final long highestMicros;
    private final ConcurrentHistogram micros;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    public Outcomes(String... successes) {
        this(MAX_MICROS, 3, successes);
    }

    /**
     * With a histogram of its own range and precision: many small ones (one per phase and endpoint, say) stay cheap at
     * two significant digits.
     */
    public Outcomes(long highestMicros, int significantDigits, String... successes) {
        if (successes.length == 0) {
            throw new IllegalArgumentException("name at least one successful outcome");
        }
        this.successes = Set.of(successes);
        this.highestMicros = highestMicros;
        this.micros = new ConcurrentHistogram(highestMicros, significantDigits);
    }

    public void record(String outcome, long latencyNanos) {
        counts.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        if (successes.contains(outcome)) {
            micros.recordValue(Math.min(highestMicros, Math.max(0, latencyNanos / 1000)));
        }
    }

    public void dropped() {
        dropped.increment();
    }

    public Summary summary(double windowSeconds) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        Histogram copy = micros.copy();
        return new Summary(successes, sorted, dropped.sum(), windowSeconds, copy);
    }
}

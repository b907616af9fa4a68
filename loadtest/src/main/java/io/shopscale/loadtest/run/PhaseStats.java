package io.shopscale.loadtest.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.shopscale.loadtest.http.Outcome;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Collects one phase's latencies and counts from many threads at once. Latencies are kept in microseconds
 * with three significant digits, which is finer than the two decimals of milliseconds that get reported.
 */
public final class PhaseStats {

    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final ExpectedStatus expected;
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final LongAdder[] byClass = new LongAdder[6];
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public PhaseStats(ExpectedStatus expected) {
        this.expected = expected;
        for (int i = 0; i < byClass.length; i++) {
            byClass[i] = new LongAdder();
        }
    }

    /**
     * Records a finished request. Responses of any status and timeouts carry a latency; a transport failure
     * (refused, reset) has no meaningful one and is only counted.
     */
    public void record(Outcome outcome, long latencyNanos) {
        switch (outcome.kind()) {
            case RESPONSE -> {
                byClass[outcome.status() / 100].increment();
                if (!expected.matches(outcome.status())) {
                    unexpected.increment();
                }
                histogram.recordValue(toMicros(latencyNanos));
            }
            case TIMEOUT -> {
                timeouts.increment();
                histogram.recordValue(toMicros(latencyNanos));
            }
            case FAILURE -> failures.increment();
        }
    }

    void late() {
        late.increment();
    }

    void dropped(long count) {
        dropped.add(count);
    }

    /** Requests given up on without an answer count as timeouts; their latency is unknown, so not recorded. */
    void abandoned(long count) {
        timeouts.add(count);
    }

    public Histogram histogram() {
        return histogram.copy();
    }

    public Counts counts() {
        return new Counts(byClass[1].sum(), byClass[2].sum(), byClass[3].sum(), byClass[4].sum(),
                byClass[5].sum(), timeouts.sum(), failures.sum(), unexpected.sum(), late.sum(), dropped.sum());
    }

    private static long toMicros(long nanos) {
        return Math.clamp((nanos + 500) / 1000, 0, HIGHEST_MICROS);
    }
}

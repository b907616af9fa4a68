package io.shopscale.loadtest.blackfriday.traffic;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.shopscale.loadtest.bench.Outcomes;
import io.shopscale.loadtest.bench.Summary;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything the generator sees, recorded from many threads: per endpoint every outcome and the latency of the
 * measured ones (from the scheduled send time), plus interval recorders and counters that the {@link Sampler} reads
 * and resets once a second for the charts over time.
 */
public final class Measurements {

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<Endpoint, Outcomes> endpoints = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, LongAdder> unavailableWithRetryAfter = new EnumMap<>(Endpoint.class);
    private final Recorder all = new Recorder(HIGHEST_MICROS, 2);
    private final Recorder checkout = new Recorder(HIGHEST_MICROS, 2);
    private final LongAdder offered = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LoadObserver observer;

    public Measurements() {
        this(LoadObserver.NONE);
    }

    public Measurements(LoadObserver observer) {
        this.observer = observer;
        for (Endpoint endpoint : Endpoint.values()) {
            endpoints.put(endpoint, new Outcomes(endpoint.measured().toArray(String[]::new)));
            unavailableWithRetryAfter.put(endpoint, new LongAdder());
        }
    }

    /** An arrival fell due (whether or not it could be sent). */
    void offered() {
        offered.increment();
    }

    /** An answer, or a failure without one; a 503 that says when to come back is also counted on its own. */
    void record(Endpoint endpoint, Reply reply, long latencyNanos) {
        record(endpoint, reply.outcome(), latencyNanos);
        if (reply.status() == 503 && reply.retryAfter() != null) {
            unavailableWithRetryAfter.get(endpoint).increment();
        }
    }

    void record(Endpoint endpoint, String outcome, long latencyNanos) {
        observer.answered(endpoint, outcome, System.nanoTime());
        endpoints.get(endpoint).record(outcome, latencyNanos);
        completed.increment();
        if (endpoint.isError(outcome)) {
            errors.increment();
        }
        if (endpoint.measured().contains(outcome)) {
            long micros = Math.clamp(latencyNanos / 1000, 0, HIGHEST_MICROS);
            all.recordValue(micros);
            if (endpoint == Endpoint.CHECKOUT) {
                checkout.recordValue(micros);
            }
        }
    }

    /** A request due while every in-flight slot was taken: never sent, counted as an error. */
    void dropped(Endpoint endpoint) {
        observer.answered(endpoint, "dropped", System.nanoTime());
        endpoints.get(endpoint).dropped();
        errors.increment();
    }

    public Summary summary(Endpoint endpoint, double windowSeconds) {
        return endpoints.get(endpoint).summary(windowSeconds);
    }

    /** The endpoint's 503 answers that carried Retry-After: how a deliberate outage is meant to answer. */
    public long unavailableWithRetryAfter(Endpoint endpoint) {
        return unavailableWithRetryAfter.get(endpoint).sum();
    }

    /** Counters since the previous call, which resets them. */
    Interval interval() {
        return new Interval(offered.sumThenReset(), completed.sumThenReset(), errors.sumThenReset(),
                all.getIntervalHistogram(), checkout.getIntervalHistogram());
    }

    record Interval(long offered, long completed, long errors, Histogram allMicros, Histogram checkoutMicros) {
    }
}

package io.shopscale.loadtest.blackfriday.traffic;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleFunction;

import io.shopscale.loadtest.bench.Outcomes;
import io.shopscale.loadtest.bench.Summary;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything the generator sees, recorded from many threads: per endpoint every outcome and the latency of the
 * measured ones (from the scheduled send time), plus interval recorders and counters that the {@link Sampler} reads
 * and resets once a second for the charts over time. Given the run's clock, it keeps the same outcomes and latencies
 * per phase as well: an answer belongs to the phase of its scheduled time (now minus its latency), found by the same
 * function that names the Sampler's seconds, so a slow answer to a request of one phase is not blamed on the next.
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
    private final long startNanos;
    private final DoubleFunction<String> phaseAt;
    private final Map<String, PhaseOutcomes> phases = new ConcurrentHashMap<>();

    /** Without a clock: the whole run only, no phases. */
    public Measurements() {
        this(LoadObserver.NONE, 0, null);
    }

    /**
     * @param startNanos when the load's clock starts ({@link System#nanoTime()})
     * @param phaseAt    the phase at a number of seconds from the start; null to keep no phases
     */
    public Measurements(LoadObserver observer, long startNanos, DoubleFunction<String> phaseAt) {
        this.observer = observer;
        this.startNanos = startNanos;
        this.phaseAt = phaseAt;
        for (Endpoint endpoint : Endpoint.values()) {
            endpoints.put(endpoint, new Outcomes(endpoint.measured().toArray(String[]::new)));
            unavailableWithRetryAfter.put(endpoint, new LongAdder());
        }
    }

    /** An arrival fell due at {@code dueNanos} (whether or not it could be sent). */
    void offered(long dueNanos) {
        offered.increment();
        PhaseOutcomes phase = phaseOf(dueNanos);
        if (phase != null) {
            phase.offered.increment();
        }
    }

    /** An answer, or a failure without one; a 503 that says when to come back is also counted on its own. */
    void record(Endpoint endpoint, Reply reply, long latencyNanos) {
        record(endpoint, reply.outcome(), latencyNanos);
        if (reply.status() == 503 && reply.retryAfter() != null) {
            unavailableWithRetryAfter.get(endpoint).increment();
        }
    }

    void record(Endpoint endpoint, String outcome, long latencyNanos) {
        long now = System.nanoTime();
        observer.answered(endpoint, outcome, now);
        endpoints.get(endpoint).record(outcome, latencyNanos);
        PhaseOutcomes phase = phaseOf(now - latencyNanos);
        if (phase != null) {
            phase.of(endpoint).record(outcome, latencyNanos);
        }
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
        long now = System.nanoTime();
        observer.answered(endpoint, "dropped", now);
        endpoints.get(endpoint).dropped();
        errors.increment();
        PhaseOutcomes phase = phaseOf(now);
        if (phase != null) {
            phase.of(endpoint).dropped();
        }
    }

    public Summary summary(Endpoint endpoint, double windowSeconds) {
        return endpoints.get(endpoint).summary(windowSeconds);
    }

    /**
     * The endpoint's outcomes and latencies of the requests scheduled in {@code phase} (an empty summary when there
     * were none, or no phases are kept). Latencies are kept at two significant digits here.
     */
    public Summary summary(String phase, Endpoint endpoint, double windowSeconds) {
        PhaseOutcomes outcomes = phases.get(phase);
        Outcomes of = outcomes == null ? null : outcomes.endpoints.get(endpoint);
        return (of != null ? of : PhaseOutcomes.empty(endpoint)).summary(windowSeconds);
    }

    /** Arrivals that fell due in {@code phase}, sent or dropped. */
    public long offered(String phase) {
        PhaseOutcomes outcomes = phases.get(phase);
        return outcomes == null ? 0 : outcomes.offered.sum();
    }

    /** The phase of an instant ({@link System#nanoTime()}), or null when no phases are kept. */
    String phaseAt(long nanos) {
        return phaseAt == null ? null : phaseAt.apply((nanos - startNanos) / 1e9);
    }

    private PhaseOutcomes phaseOf(long nanos) {
        String name = phaseAt(nanos);
        return name == null ? null : phases.computeIfAbsent(name, n -> new PhaseOutcomes());
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

    /** One phase's share of the outcomes, created as its endpoints are first heard of. */
    private static final class PhaseOutcomes {

        private final Map<Endpoint, Outcomes> endpoints = new ConcurrentHashMap<>();
        private final LongAdder offered = new LongAdder();

        Outcomes of(Endpoint endpoint) {
            return endpoints.computeIfAbsent(endpoint, PhaseOutcomes::empty);
        }

        static Outcomes empty(Endpoint endpoint) {
            return new Outcomes(HIGHEST_MICROS, 2, endpoint.measured().toArray(String[]::new));
        }
    }

    record Interval(long offered, long completed, long errors, Histogram allMicros, Histogram checkoutMicros) {
    }
}

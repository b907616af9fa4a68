package io.shopscale.platform.admission;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many requests one server lets in at once, adapted to what it is measured to serve, with a share of the limit
 * kept for each {@link Priority}. A request either gets a {@link Permit}, which it must close with how it ended,
 * or is refused: the caller answers 429 at once instead of queueing it behind work it cannot finish in time.
 * <p>
 * The limiter is Netflix's concurrency-limits: its partitioned limiter, and its AIMD limit fed one sample per window,
 * the window's 90th-percentile latency, with the latency target as the line between on time and late. This class
 * names the shop's priorities and publishes the limit, the requests in flight and the refusals to Micrometer as
 * {@code shopscale.admission.*}.
 */
public final class AdmissionControl {

    /** Fewer answers than this in a window say too little to move the limit; the window waits for more. */
    private static final int MIN_SAMPLES_PER_WINDOW = 10;

    /** The latencies a window keeps for its percentile; answers past these in the same window are not sampled. */
    private static final int MAX_SAMPLES_PER_WINDOW = 256;

    private final AbstractLimiter<Priority> limiter;

    private final Map<Priority, Counter> refused = new EnumMap<>(Priority.class);

    private final long retryAfterSeconds;

    private AdmissionControl(AbstractLimiter<Priority> limiter, long retryAfterSeconds) {
        this.limiter = limiter;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * @param name the server's name, a tag on the meters (several share one registry in the compact topology)
     */
    public static AdmissionControl create(String name, AdmissionProperties properties, MeterRegistry meters) {
        return create(name, properties, meters, System::nanoTime);
    }

    static AdmissionControl create(String name, AdmissionProperties properties, MeterRegistry meters,
                                   LongSupplier nanoClock) {
        // Per window, the 90th percentile of the latencies measured in it is held against the target: above it (or
        // with a 503/504 in the window) the limit shrinks by a tenth; at or below it, and with at least half the
        // limit in use, the limit grows by one.
        var limit = WindowedLimit.newBuilder()
                .minWindowTime(properties.window().toMillis(), TimeUnit.MILLISECONDS)
                .maxWindowTime(properties.window().toMillis(), TimeUnit.MILLISECONDS)
                .windowSize(MIN_SAMPLES_PER_WINDOW)
                .sampleWindowFactory(PercentileSampleWindowFactory.of(0.9, MAX_SAMPLES_PER_WINDOW))
                .build(AIMDLimit.newBuilder()
                        .initialLimit(properties.initialLimit())
                        .minLimit(properties.minLimit())
                        .maxLimit(properties.maxLimit())
                        .timeout(properties.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                        .build());
        var builder = new PriorityLimiterBuilder().named(name).limit(limit).nanoClock(nanoClock)
                .partitionResolver(priority -> priority.name());
        for (Priority priority : Priority.values()) {
            builder.partition(priority.name(), priority.share());
        }
        var control = new AdmissionControl((AbstractLimiter<Priority>) builder.build(), properties.retryAfterSeconds());
        control.register(name, meters);
        return control;
    }

    /** A slot for a request of this priority, or empty when it is to be refused. */
    public Optional<Permit> tryAdmit(Priority priority) {
        Optional<Limiter.Listener> listener = limiter.acquire(priority);
        if (listener.isEmpty()) {
            refused.get(priority).increment();
            return Optional.empty();
        }
        return Optional.of(new Permit(listener.get()));
    }

    /** What a refused caller is told to wait, in seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The detail of a refusal's problem document. */
    public String refusalDetail() {
        return "The shop is busier than it can serve right now. Try again in " + retryAfterSeconds + " s.";
    }

    int limit() {
        return limiter.getLimit();
    }

    int inFlight() {
        return limiter.getInflight();
    }

    private void register(String name, MeterRegistry meters) {
        Gauge.builder("shopscale.admission.limit", limiter, AbstractLimiter::getLimit).tag("server", name)
                .description("Requests allowed in flight at once, as adapted to measured latency").register(meters);
        Gauge.builder("shopscale.admission.in.flight", limiter, AbstractLimiter::getInflight).tag("server", name)
                .description("Requests in flight that hold a slot").register(meters);
        for (Priority priority : Priority.values()) {
            refused.put(priority, Counter.builder("shopscale.admission.refused").tag("server", name)
                    .tag("priority", priority.name().toLowerCase()).description("Requests refused with 429 because the limit was reached")
                    .register(meters));
        }
    }

    /**
     * A request's slot. Exactly one of the methods is called, once: the limit learns from the latency of requests
     * that were served, and shrinks faster on those that timed out or found a dependency overloaded.
     */
    public static final class Permit {

        private final Limiter.Listener listener;

        private Permit(Limiter.Listener listener) {
            this.listener = listener;
        }

        /** Answered: its latency is a sample of what the server can do. */
        public void served() {
            listener.onSuccess();
        }

        /** Timed out or overloaded downstream: a sign to lower the limit. */
        public void overloaded() {
            listener.onDropped();
        }

        /** Ended in a way that says nothing about capacity (the client left, the request was refused early). */
        public void ignored() {
            listener.onIgnore();
        }

        /**
         * Closes the permit from a response status: 503 and 504 mean overload; 429 (refused further in) and 502 (no
         * instance reached) say nothing about how fast requests are served; every other answer is a sample.
         */
        public void closeWith(int status) {
            switch (status) {
                case 503, 504 -> overloaded();
                case 429, 502 -> ignored();
                default -> served();
            }
        }
    }

    private static final class PriorityLimiterBuilder
            extends AbstractPartitionedLimiter.Builder<PriorityLimiterBuilder, Priority> {

        @Override
        protected PriorityLimiterBuilder self() {
            return this;
        }
    }
}

package io.shopscale.psp.charge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.psp.fault.Outcome;
import io.shopscale.psp.idempotency.IdempotencyKeys;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the simulator did, for dashboards and tests: charge requests by outcome ({@code psp.charges}), refund requests
 * by result ({@code psp.refunds}), requests that met a known key ({@code psp.idempotency.requests} by result), and
 * what it holds in memory.
 */
@Component
class ChargeMetrics {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter replayed;
    private final Counter inFlight;
    private final Counter reused;
    private final Counter refundsMade;
    private final Counter refundsFound;

    ChargeMetrics(MeterRegistry registry, Charges charges, IdempotencyKeys keys, HangingRequests hanging) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("psp.charges")
                    .description("Charge requests processed, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        replayed = idempotency(registry, "replayed");
        inFlight = idempotency(registry, "in_flight");
        reused = idempotency(registry, "reused");
        refundsMade = refunds(registry, "refunded");
        refundsFound = refunds(registry, "already_refunded");
        Gauge.builder("psp.charges.stored", charges, Charges::size)
                .description("Charges held in memory").register(registry);
        FunctionCounter.builder("psp.charges.forgotten", charges, Charges::forgotten)
                .description("Charges forgotten to stay within max-charges").register(registry);
        Gauge.builder("psp.idempotency.keys", keys, IdempotencyKeys::size)
                .description("Idempotency keys held in memory").register(registry);
        Gauge.builder("psp.requests.held", hanging, HangingRequests::size)
                .description("Requests held open without an answer (timed-out charges)").register(registry);
    }

    void outcome(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    /** @param made true for a new refund; false for a request answered with the refund the charge already had */
    void refund(boolean made) {
        (made ? refundsMade : refundsFound).increment();
    }

    void keyReplayed() {
        replayed.increment();
    }

    void keyInFlight() {
        inFlight.increment();
    }

    void keyReused() {
        reused.increment();
    }

    private static Counter refunds(MeterRegistry registry, String result) {
        return Counter.builder("psp.refunds")
                .description("Refund requests processed: refunds made, or found made before under another key")
                .tag("result", result)
                .register(registry);
    }

    private static Counter idempotency(MeterRegistry registry, String result) {
        return Counter.builder("psp.idempotency.requests")
                .description("Charge and refund requests whose idempotency key was already known, by result")
                .tag("result", result)
                .register(registry);
    }
}

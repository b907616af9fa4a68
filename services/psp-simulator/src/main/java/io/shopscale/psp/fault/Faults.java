package io.shopscale.psp.fault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** The failure knobs in force, changed live through the admin API; decides each charge's fate and each delay. */
public class Faults {

    static final List<String> DECLINE_CODES = List.of("card_declined", "insufficient_funds", "expired_card");

    private final FaultSettings initial;
    private final ChargePort chargePort;
    private volatile FaultSettings current;

    public Faults(FaultSettings initial, ChargePort chargePort) {
        this.initial = initial;
        this.chargePort = chargePort;
        this.current = initial;
    }

    public FaultSettings settings() {
        return current;
    }

    /** Applies new settings; opens or closes the charge port when {@code outage} changes. */
    public synchronized FaultSettings change(FaultSettings next) {
        if (next.outage()) {
            chargePort.refuseConnections();
        } else {
            chargePort.acceptConnections();
        }
        current = next;
        return next;
    }

    /** Back to the start-up configuration. */
    public FaultSettings reset() {
        return change(initial);
    }

    /** The port exists only once the server runs, so an outage configured at start begins here. */
    @EventListener(ApplicationReadyEvent.class)
    void applyInitialOutage() {
        change(current);
    }

    public Decision decide(String idempotencyKey) {
        FaultSettings settings = current;
        double draw = draw(settings, "outcome", idempotencyKey);
        Outcome outcome = draw < settings.declineRate() ? Outcome.DECLINED
                : draw < settings.declineRate() + settings.errorRate() ? Outcome.FAILED
                : draw < settings.declineRate() + settings.errorRate() + settings.timeoutRate() ? Outcome.TIMED_OUT
                : Outcome.SUCCEEDED;
        Duration delay = delay(settings, idempotencyKey);
        String declineCode = outcome == Outcome.DECLINED
                ? DECLINE_CODES.get((int) (draw(settings, "decline-code", idempotencyKey) * DECLINE_CODES.size()))
                : null;
        return new Decision(outcome, delay, settings.hang(), declineCode);
    }

    /**
     * When to answer a request that only the latency knobs apply to (a refund): {@code latency} plus up to
     * {@code jitter}, drawn as for a charge with the same key.
     */
    public Duration delay(String idempotencyKey) {
        return delay(current, idempotencyKey);
    }

    private static Duration delay(FaultSettings settings, String idempotencyKey) {
        long jitterNanos = (long) (settings.jitter().toNanos() * draw(settings, "jitter", idempotencyKey));
        return settings.latency().plusNanos(jitterNanos);
    }

    private static double draw(FaultSettings settings, String purpose, String key) {
        return settings.seed() == null ? ThreadLocalRandom.current().nextDouble()
                : Draws.unit(settings.seed(), purpose, key);
    }
}

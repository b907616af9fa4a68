package io.shopscale.payment.charging;

import io.github.resilience4j.core.IntervalFunction;
import io.shopscale.payment.domain.Schedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pending payments are worked on.
 *
 * @param pollInterval how often an instance looks for due payments
 * @param concurrency how many payments one instance works on at once
 * @param lease how long a claimed payment is left to its worker; must be far longer than one go at it can take
 * @param backoff the pause before the next go at a payment that got no result
 * @param settleTime how long after a charge with a lost answer it is looked up once charging is closed
 */
@ConfigurationProperties("shopscale.payment.charging")
public record ChargingProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("8") int concurrency,
        @DefaultValue("60s") Duration lease,
        @DefaultValue Backoff backoff,
        @DefaultValue("30s") Duration settleTime) {

    public ChargingProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("shopscale.payment.charging.concurrency must be at least 1");
        }
    }

    /** The pauses as Resilience4j computes them: exponential, randomised by the jitter, capped. */
    Schedule schedule() {
        IntervalFunction pauses = IntervalFunction.ofExponentialRandomBackoff(backoff.initial(),
                backoff.multiplier(), backoff.jitter(), backoff.max());
        return new Schedule(retries -> Duration.ofMillis(pauses.apply(retries)), settleTime);
    }

    /**
     * @param initial the first pause
     * @param multiplier how much each pause grows
     * @param max the longest pause
     * @param jitter how far a pause may randomly stray from its value, as a fraction of it
     */
    public record Backoff(
            @DefaultValue("1s") Duration initial,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("1m") Duration max,
            @DefaultValue("0.5") double jitter) {
    }
}

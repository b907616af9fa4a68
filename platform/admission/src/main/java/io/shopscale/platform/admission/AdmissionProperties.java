package io.shopscale.platform.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Adaptive concurrency limits ({@code shopscale.admission}). The limit moves between {@code min-limit} and
 * {@code max-limit}: up while latency holds, down when it climbs above its long-run level (Netflix's Gradient2
 * algorithm over windows of samples). Requests beyond it are refused at once with 429 and {@code Retry-After}.
 *
 * @param enabled whether requests are limited at all
 * @param initialLimit requests in flight allowed before the first measurements
 * @param minLimit the floor: this many requests in flight are never refused, whatever the latency did
 * @param maxLimit the ceiling the limit grows to while latency stays flat
 * @param window how long latency samples are gathered before the limit moves (at least ten samples, and 100 ms)
 * @param retryAfter what a refused caller is told to wait
 */
@ConfigurationProperties("shopscale.admission")
public record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") int initialLimit,
        @DefaultValue("32") int minLimit,
        @DefaultValue("1000") int maxLimit,
        @DefaultValue("250ms") Duration window,
        @DefaultValue("1s") Duration retryAfter) {

    public AdmissionProperties {
        if (minLimit < 1 || maxLimit < minLimit || initialLimit < minLimit || initialLimit > maxLimit) {
            throw new IllegalArgumentException("Admission limits must satisfy 1 <= min-limit <= initial-limit "
                    + "<= max-limit; got " + minLimit + ", " + initialLimit + ", " + maxLimit);
        }
    }

    /** Seconds, at least one, as {@code Retry-After} states them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

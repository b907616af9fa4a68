package io.shopscale.platform.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Adaptive concurrency limits ({@code shopscale.admission}). The limit moves between {@code min-limit} and
 * {@code max-limit}: down by a tenth after each window whose 90th-percentile latency was above
 * {@code latency-target}, up by one after a window on time in which at least half of it was used (additive increase,
 * multiplicative decrease). Requests beyond it are refused at once with 429 and {@code Retry-After}.
 * <p>
 * A latency target rather than a latency trend: under a sustained overload the trend of a gradient algorithm
 * becomes the new normal, and by Little's law the requests in flight, divided by what the server completes a
 * second, is the wait every admitted request pays. Holding latency to a target holds that wait.
 *
 * @param enabled whether requests are limited at all
 * @param initialLimit requests in flight allowed before the first measurements
 * @param minLimit the floor: this many requests in flight are never refused, whatever the latency did
 * @param maxLimit the ceiling the limit grows to while latency stays flat
 * @param latencyTarget the 90th-percentile latency above which a window counts as late
 * @param window how long latency samples are gathered before the limit moves (at least ten samples, and 100 ms)
 * @param retryAfter what a refused caller is told to wait
 */
@ConfigurationProperties("shopscale.admission")
public record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") int initialLimit,
        @DefaultValue("32") int minLimit,
        @DefaultValue("1000") int maxLimit,
        @DefaultValue("100ms") Duration latencyTarget,
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

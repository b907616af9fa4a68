package io.shopscale.payment.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * When a payment that got no result is tried again.
 *
 * @param backoff the pause after the n-th go that ended without a result (n from 1)
 * @param settleTime how long after a charge with a lost answer it is looked up once charging is closed
 */
public record Schedule(IntFunction<Duration> backoff, Duration settleTime) {

    public Schedule {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(settleTime, "settleTime");
    }

    Duration delayAfter(int retries) {
        return backoff.apply(retries);
    }
}

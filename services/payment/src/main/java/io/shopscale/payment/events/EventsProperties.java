package io.shopscale.payment.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order events that fail are handled.
 *
 * @param deadLetterTopic where records are parked once they failed for good; payment's own, so that parking and
 * replaying them concerns no other consumer of the orders topic
 * @param retries how often a failing record is tried again before it is parked (poison is parked at once)
 * @param initialBackoff the pause before the first retry; each next one doubles
 * @param maxBackoff the longest pause
 */
@ConfigurationProperties("shopscale.payment.events")
record EventsProperties(
        @DefaultValue("shopscale.orders.payment.DLT") String deadLetterTopic,
        @DefaultValue("4") int retries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("5s") Duration maxBackoff) {
}

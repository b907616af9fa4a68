package io.shopscale.payment.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order events that fail for a transient reason (the database away) are retried: with pauses from
 * {@code initialBackoff}, doubling up to {@code maxBackoff}, until the event is applied. Poison is not retried; it
 * is parked on {@code shopscale.orders.payment.DLT}, payment's own, so that parking and replaying it concerns no
 * other consumer of the orders topic.
 *
 * @param initialBackoff the pause before the second try
 * @param maxBackoff the longest pause, and so the longest the consumer waits after the database is back
 * @param deadLetterCountInterval how often the records parked on the dead-letter topic are counted
 */
@ConfigurationProperties("shopscale.payment.events")
record EventsProperties(
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("30s") Duration deadLetterCountInterval) {
}

package io.shopscale.orders.unsold;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.orders.events.IncomingEvents;
import io.shopscale.platform.events.TransientFailures;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * Inventory's events are consumed as orders consumes every incoming event ({@link IncomingEvents}), with the same
 * pauses as payment's verdicts. They are rare: one consumer thread is plenty.
 */
@Configuration(proxyBeanMethods = false)
class SaleRefusalConsumption {

    static final String METRICS = "orders.inventory.events";

    @Bean
    TransientFailures inventoryEventRetries(MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.initial-backoff:500ms}") Duration initialBackoff,
            @Value("${shopscale.orders.payment-events.max-backoff:10s}") Duration maxBackoff) {
        return new TransientFailures(metrics, METRICS, new TransientFailures.Backoff(initialBackoff, maxBackoff));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> inventoryEventContainerFactory(
            KafkaProperties kafka, MeterRegistry metrics, TransientFailures inventoryEventRetries) {
        return IncomingEvents.containerFactory(kafka, metrics, METRICS, inventoryEventRetries, 1);
    }
}

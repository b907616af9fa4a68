package io.shopscale.inventory.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.platform.events.DeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * A record that fails is retried a few times with growing pauses, then parked on {@code <topic>.DLT} with the
 * failure in its headers, and the consumer moves on; poison skips the retries.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    DefaultErrorHandler orderEventErrorHandler(KafkaTemplate<?, ?> template, MeterRegistry metrics) {
        return DeadLetters.errorHandler(template, metrics, "inventory.order.events.dead-lettered",
                DeadLetters.besideSourceTopic(), DeadLetters.Retries.DEFAULT);
    }
}

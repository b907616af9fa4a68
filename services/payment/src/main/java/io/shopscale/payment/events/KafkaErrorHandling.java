package io.shopscale.payment.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.platform.events.DeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * A record that fails is retried a few times with growing pauses, then parked on payment's own dead-letter topic
 * with the failure in its headers, and the consumer moves on; poison skips the retries.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    DefaultErrorHandler orderEventErrorHandler(KafkaTemplate<?, ?> template, MeterRegistry metrics,
                                               EventsProperties properties) {
        return DeadLetters.errorHandler(template, metrics, "payment.order.events.dead-lettered",
                DeadLetters.toTopic(properties.deadLetterTopic()), new DeadLetters.Retries(properties.retries(),
                        properties.initialBackoff(), properties.maxBackoff()));
    }
}

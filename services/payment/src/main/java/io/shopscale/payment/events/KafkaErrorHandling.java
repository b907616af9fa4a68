package io.shopscale.payment.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.DeadLetters;
import io.shopscale.platform.events.ParkedRecords;
import io.shopscale.platform.events.TransientFailures;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Poison is parked at once on payment's own dead-letter topic, {@code shopscale.orders.payment.DLT}, with the failure
 * in its headers, and the consumer moves on. Any other failure (the database away) is retried with growing pauses
 * until the event is applied; the events after it on its partition wait, so no order.placed or order.cancelled is
 * ever skipped.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    static final String METRICS = "payment.order.events";

    @Bean
    TransientFailures orderEventRetries(MeterRegistry metrics, EventsProperties properties) {
        return new TransientFailures(metrics, METRICS,
                new TransientFailures.Backoff(properties.initialBackoff(), properties.maxBackoff()));
    }

    @Bean
    DefaultErrorHandler orderEventErrorHandler(KafkaTemplate<?, ?> template, MeterRegistry metrics,
            TransientFailures orderEventRetries, @Value("${spring.kafka.consumer.group-id}") String group) {
        return DeadLetters.errorHandler(template, metrics, METRICS, group, orderEventRetries);
    }

    @Bean
    RecordInterceptor<Object, Object> orderEventProgress(TransientFailures orderEventRetries) {
        return orderEventRetries.progress();
    }

    @Bean
    ParkedRecords parkedOrderEvents(KafkaAdmin admin, MeterRegistry metrics, EventsProperties properties,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new ParkedRecords(admin.getConfigurationProperties(), metrics,
                List.of(DeadLetters.topic(Topics.ORDERS, group)), properties.deadLetterCountInterval());
    }
}

package io.shopscale.inventory.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.DeadLetters;
import io.shopscale.platform.events.ParkedRecords;
import io.shopscale.platform.events.TransientFailures;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Poison is parked at once on {@code shopscale.orders.inventory.DLT} with the failure in its headers, and the consumer
 * moves on. Any other failure (the database away) is retried with growing pauses until the event is applied; the
 * events after it on its partition wait, so a confirmation is never skipped.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    static final String METRICS = "inventory.order.events";

    @Bean
    TransientFailures orderEventRetries(MeterRegistry metrics,
            @Value("${shopscale.inventory.events.initial-backoff:500ms}") Duration initialBackoff,
            @Value("${shopscale.inventory.events.max-backoff:10s}") Duration maxBackoff) {
        return new TransientFailures(metrics, METRICS, new TransientFailures.Backoff(initialBackoff, maxBackoff));
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
    ParkedRecords parkedOrderEvents(KafkaAdmin admin, MeterRegistry metrics,
            @Value("${spring.kafka.consumer.group-id}") String group,
            @Value("${shopscale.inventory.events.dead-letter-count-interval:30s}") Duration interval) {
        return new ParkedRecords(admin.getConfigurationProperties(), metrics,
                List.of(DeadLetters.topic(Topics.ORDERS, group)), interval);
    }
}

package io.shopscale.payment.events;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * A record that fails is retried a few times with growing pauses (the database may be restarting), then parked
 * on payment's dead-letter topic with the failure in its headers, and the consumer moves on. Poison (a record
 * that cannot be read) skips the retries. Either way the partition never blocks.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    @Bean
    DefaultErrorHandler orderEventErrorHandler(KafkaTemplate<?, ?> template, MeterRegistry metrics,
                                               EventsProperties properties) {
        // Partition -1 lets the producer choose by key, so the dead-letter topic may have any partition count.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            log.warn("parking {}-{}@{} on {}: {}", record.topic(), record.partition(), record.offset(),
                    properties.deadLetterTopic(), reason(failure));
            metrics.counter("payment.order.events.dead-lettered").increment();
            deadLetters.accept(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException) {
                return cause.getMessage();
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(failure).toString();
    }
}

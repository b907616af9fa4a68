package io.shopscale.orders.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.DeadLetters;
import io.shopscale.platform.events.ParkedRecords;
import io.shopscale.platform.events.TransientFailures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * How payment events are consumed. Records are read as bytes (the listener parses and validates them itself) in
 * the {@code orders} group, from the oldest retained event for a new group (a missed verdict would leave an order
 * waiting until it expires), and only once committed. Poison is parked at once, byte for byte, on
 * {@code shopscale.payments.orders.DLT} with the failure in its headers, and the consumer moves on. Any other
 * failure (the database away) is retried with growing pauses until the verdict is applied; the verdicts after it on
 * its partition wait, so none is ever skipped. This lives apart from the outbox's producer, which serialises events
 * as JSON.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventConsumption {

    static final String GROUP = "orders";

    static final String METRICS = "orders.payment.events";

    @Bean
    TransientFailures paymentEventRetries(MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.initial-backoff:500ms}") Duration initialBackoff,
            @Value("${shopscale.orders.payment-events.max-backoff:10s}") Duration maxBackoff) {
        return new TransientFailures(metrics, METRICS, new TransientFailures.Backoff(initialBackoff, maxBackoff));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> paymentEventContainerFactory(
            KafkaProperties kafka, MeterRegistry metrics, TransientFailures paymentEventRetries,
            @Value("${shopscale.orders.payment-events.concurrency:2}") int concurrency) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(concurrency);
        factory.setCommonErrorHandler(DeadLetters.errorHandler(deadLetterTemplate(kafka), metrics, METRICS, GROUP,
                paymentEventRetries));
        factory.setRecordInterceptor(paymentEventRetries.progress());
        return factory;
    }

    @Bean
    ParkedRecords parkedPaymentEvents(KafkaAdmin admin, MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.dead-letter-count-interval:30s}") Duration interval) {
        return new ParkedRecords(admin.getConfigurationProperties(), metrics,
                List.of(DeadLetters.topic(Topics.PAYMENTS, GROUP)), interval);
    }

    private static KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new ByteArraySerializer()));
    }
}

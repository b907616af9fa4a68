package io.shopscale.orders.events;

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
 * How orders consumes the events of other services (payment's verdicts, inventory's refusals, the catalog's prices),
 * one rule for all: records are read as bytes (each listener parses and validates them itself) in the {@code orders}
 * group, from the oldest retained event for a new group (a missed event would leave an order waiting), and only once
 * committed.
 * Poison is parked at once, byte for byte, on {@code <topic>.orders.DLT} with the failure in its headers, and the
 * consumer moves on. Any other failure (the database away) is retried with growing pauses until the event is
 * applied; the events after it on its partition wait, so none is ever skipped. This lives apart from the outbox's
 * producer, which serialises events as JSON.
 */
@Configuration(proxyBeanMethods = false)
public class IncomingEvents {

    public static final String GROUP = "orders";

    /** A container factory for one kind of event, its retries and dead letters counted under {@code metrics}. */
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory(KafkaProperties kafka,
            MeterRegistry meters, String metrics, TransientFailures retries, int concurrency) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(concurrency);
        factory.setCommonErrorHandler(DeadLetters.errorHandler(deadLetterTemplate(kafka), meters, metrics, GROUP,
                retries));
        factory.setRecordInterceptor(retries.progress());
        return factory;
    }

    /** Records parked on orders' dead-letter topics, as the gauge {@code shopscale.dlt.parked}. */
    @Bean
    ParkedRecords parkedIncomingEvents(KafkaAdmin admin, MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.dead-letter-count-interval:30s}") Duration interval) {
        return new ParkedRecords(admin.getConfigurationProperties(), metrics,
                List.of(DeadLetters.topic(Topics.PAYMENTS, GROUP), DeadLetters.topic(Topics.INVENTORY, GROUP),
                        DeadLetters.topic(Topics.CATALOG_PRICES, GROUP)),
                interval);
    }

    private static KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new ByteArraySerializer()));
    }
}

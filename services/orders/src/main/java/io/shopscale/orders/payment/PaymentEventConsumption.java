package io.shopscale.orders.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.platform.events.DeadLetters;
import java.util.HashMap;
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
import org.springframework.kafka.core.KafkaTemplate;

/**
 * How payment events are consumed. Records are read as bytes (the listener parses and validates them itself) in
 * the {@code orders} group, from the oldest retained event for a new group (a missed verdict would leave an order
 * waiting until it expires), and only once committed. A record that fails is retried a few times with growing
 * pauses (the database may be restarting), then parked byte for byte on {@code <topic>.DLT} with the failure in
 * its headers; poison skips the retries. Either way the partition never blocks. This lives apart from the
 * outbox's producer, which serialises events as JSON.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventConsumption {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> paymentEventContainerFactory(
            KafkaProperties kafka, MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.concurrency:2}") int concurrency) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "orders");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(concurrency);
        factory.setCommonErrorHandler(DeadLetters.errorHandler(deadLetterTemplate(kafka), metrics,
                "orders.payment.events.dead-lettered", DeadLetters.besideSourceTopic(), DeadLetters.Retries.DEFAULT));
        return factory;
    }

    private static KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new ByteArraySerializer()));
    }
}

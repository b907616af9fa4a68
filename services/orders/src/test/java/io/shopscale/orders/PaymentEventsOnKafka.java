package io.shopscale.orders;

import io.shopscale.contracts.events.Topics;
import io.shopscale.testsupport.SharedStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the payment service on Kafka: writes its events as it would, and reads what was dead-lettered. */
final class PaymentEventsOnKafka {

    private PaymentEventsOnKafka() {
    }

    static String succeeded(String eventId, String orderId) {
        return envelope(eventId, "shopscale.payment.succeeded.v1", orderId, """
                {"orderId":"%s","paymentId":"%s","chargeId":"ch_%s","amount":1299,"currency":"USD",\
                "succeededAt":"%s"}""".formatted(orderId, UUID.randomUUID(), eventId, Instant.now()));
    }

    static String failed(String eventId, String orderId, String reason) {
        return envelope(eventId, "shopscale.payment.failed.v1", orderId, """
                {"orderId":"%s","paymentId":"%s","reason":"%s","declineCode":"card_declined","failedAt":"%s"}"""
                .formatted(orderId, UUID.randomUUID(), reason, Instant.now()));
    }

    private static String envelope(String eventId, String type, String orderId, String data) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"/shopscale/payment","time":"%s",\
                "subject":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(eventId, type, Instant.now(), orderId, data);
    }

    static void send(String key, String value) throws Exception {
        sendTo(Topics.PAYMENTS, key, value);
    }

    /** Plays inventory: its refusal to sell a confirmed order's stock, on its own topic. */
    static void saleRefused(String orderId, String reservationState) throws Exception {
        sendTo(Topics.INVENTORY, orderId, """
                {"specversion":"1.0","id":"sale-refused:%s","type":"shopscale.inventory.sale-refused.v1",\
                "source":"/shopscale/inventory","time":"%s","subject":"%s","datacontenttype":"application/json",\
                "data":{"orderId":"%s","reservationState":"%s","refusedAt":"%s"}}"""
                .formatted(orderId, Instant.now(), orderId, orderId, reservationState, Instant.now()));
    }

    private static void sendTo(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** Every dead-lettered payment record with this key, waiting until one arrived or the timeout passed. */
    static List<ConsumerRecord<String, String>> deadLettered(String key, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ConsumerConfig.GROUP_ID_CONFIG, "orders-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.PAYMENTS + ".orders.DLT"));
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}

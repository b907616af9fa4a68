package io.shopscale.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/** What actually reached the broker: every {@code order.placed} on the orders topic, read from the beginning. */
final class OrderEvents implements AutoCloseable {

    private static final String TOPIC = "shopscale.orders";

    private final KafkaConsumer<String, String> consumer;

    private final Set<String> placed = new HashSet<>();

    OrderEvents(int kafkaPort) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        this.consumer.subscribe(List.of(TOPIC));
    }

    /** Order ids with an {@code order.placed} event seen so far; the record key must be the order id. */
    Set<String> placed() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            JsonNode event = Shop.JSON.readTree(record.value());
            if (event.get("type").asString().startsWith("shopscale.order.placed.")) {
                String orderId = event.get("subject").asString();
                if (!orderId.equals(record.key())) {
                    throw new AssertionError("event for " + orderId + " keyed " + record.key());
                }
                placed.add(orderId);
            }
        }
        return Set.copyOf(placed);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

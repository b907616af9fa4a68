package io.shopscale.inventory.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.InventoryEvents;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.contracts.events.Topics;
import io.shopscale.inventory.InventoryIntegrationTestBase;
import io.shopscale.platform.events.ParkedRecords;
import io.shopscale.testsupport.SharedStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Order events from Kafka, as the orders service publishes them, applied exactly once; poison is parked, counted. */
class OrderEventsIntegrationTests extends InventoryIntegrationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ParkedRecords parkedRecords;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void confirmedAndCancelledOrdersMoveTheirReservationsOnceEvenWhenRedelivered() {
        String sku = newSku(10);
        String paid = reserved(sku, 2);
        String cancelled = reserved(sku, 3);
        double duplicatesBefore = count(EventType.ORDER_CONFIRMED, "duplicate") + count(EventType.ORDER_CANCELLED, "duplicate");
        String confirmation = confirmed(paid);
        String cancellation = cancelled(cancelled);

        publish(paid, confirmation);
        publish(paid, confirmation);
        publish(cancelled, cancellation);
        publish(cancelled, cancellation);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(state(paid)).isEqualTo("CONFIRMED");
            assertThat(state(cancelled)).isEqualTo("RELEASED");
            assertThat(count(EventType.ORDER_CONFIRMED, "duplicate") + count(EventType.ORDER_CANCELLED, "duplicate")
                    - duplicatesBefore).isEqualTo(2);
        });
        assertThat(stock(sku)).isEqualTo(new Stock(8, 0, 2));
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (:ids)")
                .param("ids", List.of(id(confirmation), id(cancellation))).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aConfirmationOfAReleasedReservationIsRefusedAndOrdersIsTold() {
        String sku = newSku(10);
        String late = reserved(sku, 1);
        String next = reserved(sku, 1);
        double refusedBefore = count(EventType.ORDER_CONFIRMED, "refused");

        publish(late, cancelled(late));
        String confirmation = confirmed(late);
        publish(late, confirmation);
        publish(late, confirmation);
        publish(next, confirmed(next));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(state(next)).isEqualTo("CONFIRMED");
            assertThat(count(EventType.ORDER_CONFIRMED, "refused") - refusedBefore).isEqualTo(1);
        });
        assertThat(state(late)).isEqualTo("RELEASED");
        assertThat(stock(sku)).isEqualTo(new Stock(9, 0, 1));
        var refusal = json.readTree(inventoryEvents(late, 1).getFirst());
        assertThat(refusal.get("type").asString()).isEqualTo(EventType.INVENTORY_SALE_REFUSED.type());
        assertThat(refusal.get("id").asString()).isEqualTo(InventoryEvents.SaleRefused.eventId(late));
        assertThat(refusal.get("data").get("orderId").asString()).isEqualTo(late);
        assertThat(refusal.get("data").get("reservationState").asString()).isEqualTo("RELEASED");
    }

    @Test
    void aConfirmationThatArrivesAfterTheReservationExpiredIsRefusedAndOrdersIsTold() {
        String sku = newSku(10);
        String late = reserved(sku, 2);
        jdbc.sql("UPDATE reservation SET expires_at = now() - interval '1 second' WHERE order_id = :id")
                .param("id", UUID.fromString(late)).update();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(late)).isEqualTo("EXPIRED"));

        publish(late, confirmed(late));

        var refusal = json.readTree(inventoryEvents(late, 1).getFirst());
        assertThat(refusal.get("data").get("reservationState").asString()).isEqualTo("EXPIRED");
        assertThat(stock(sku)).isEqualTo(new Stock(10, 0, 0));
    }

    @Test
    void aConfirmationOfAnOrderWithoutAReservationIsRefused() {
        String unknown = newOrderId();

        publish(unknown, confirmed(unknown));

        var refusal = json.readTree(inventoryEvents(unknown, 1).getFirst());
        assertThat(refusal.get("data").get("reservationState").asString()).isEqualTo("NONE");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String sku = newSku(10);
        String after = reserved(sku, 1);
        String marker = UUID.randomUUID().toString();
        String garbage = "this is not json {" + marker;
        String notAnEnvelope = "{\"id\":\"" + marker + "\"}";
        String badOrderId = envelope(EventType.ORDER_CONFIRMED, "not-a-uuid",
                new OrderEvents.OrderConfirmed("not-a-uuid", marker, Instant.now()));
        String placed = envelope(EventType.ORDER_PLACED, after, new OrderEvents.OrderPlaced(after, "user-1",
                List.of(new OrderEvents.Line(sku, 1, 999)), 999, "EUR", Instant.now(), Instant.now()));

        publish(after, garbage);
        publish(after, notAnEnvelope);
        publish(after, badOrderId);
        publish(after, placed);
        publish(after, confirmed(after));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(after)).isEqualTo("CONFIRMED"));
        assertThat(deadLetters(marker, 3)).containsExactlyInAnyOrder(garbage, notAnEnvelope, badOrderId);
        parkedRecords.refresh();
        assertThat(meters.get("shopscale.dlt.parked").tag("topic", Topics.ORDERS + ".inventory.DLT").gauge().value())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", id(placed)).query(Long.class).single()).isZero();
    }

    private String reserved(String sku, int quantity) {
        String orderId = newOrderId();
        inventory().reserve(reserveRequest(orderId, sku, quantity));
        return orderId;
    }

    private String confirmed(String orderId) {
        return envelope(EventType.ORDER_CONFIRMED, orderId, new OrderEvents.OrderConfirmed(orderId, "user-1",
                Instant.now()));
    }

    private String cancelled(String orderId) {
        return envelope(EventType.ORDER_CANCELLED, orderId, new OrderEvents.OrderCancelled(orderId, "user-1",
                "PAYMENT_DECLINED", Instant.now()));
    }

    private String envelope(EventType type, String orderId, Object data) {
        return json.writeValueAsString(EventEnvelope.of(type, "orders", orderId, data, Instant.now()));
    }

    private String id(String envelope) {
        return json.readTree(envelope).get("id").asString();
    }

    private void publish(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.ORDERS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double count(EventType type, String result) {
        var counter = meters.find("inventory.order.events").tags("type", type.type(), "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Inventory's events about one order, once as many as expected have arrived. */
    private List<String> inventoryEvents(String orderId, int expected) {
        return valuesOn(Topics.INVENTORY, value -> value.contains(orderId), expected);
    }

    /** The dead-letter values that carry the marker, once as many as expected have arrived. */
    private List<String> deadLetters(String marker, int expected) {
        return valuesOn(Topics.ORDERS + ".inventory.DLT", value -> value.contains(marker), expected);
    }

    private List<String> valuesOn(String topic, java.util.function.Predicate<String> wanted, int expected) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && wanted.test(record.value())) {
                        found.add(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}

package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The payment's verdict finishes the order, once, and tells inventory what to do with the stock. */
class PaymentOutcomeSystemTests extends SystemTestSupport {

    private static final Duration KAFKA = Duration.ofSeconds(20);

    @Autowired
    MeterRegistry metrics;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password:}")
    String databasePassword;

    @Test
    void aSucceededPaymentConfirmsTheOrderAndPublishesOrderConfirmedOnce() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("HKT-00001", "1"));
        String event = UUID.randomUUID().toString();
        double settledBefore = count("shopscale.payment.succeeded.v1", "settled");

        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(event, orderId));
        awaitStatus(user, orderId, "CONFIRMED");
        // The same event again, and the same verdict under a new event id: nothing more happens.
        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(event, orderId));
        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(), orderId));
        awaitResult("shopscale.payment.succeeded.v1", "settled", settledBefore + 1);

        List<ConsumerRecord<String, String>> records = OrderEventsOnKafka.await(orderId, 3, Duration.ofSeconds(5));
        assertThat(records).extracting(record -> json.readTree(record.value()).get("type").asString())
                .containsExactly("shopscale.order.placed.v1", "shopscale.order.confirmed.v1");
        JsonNode order = getJson(user, "/api/orders/" + orderId);
        assertThat(order.get("history")).hasSize(2);
        assertThat(processed(event)).isOne();
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderWithItsReasonAndReleasesTheStock() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("LGT-00002", "2"));

        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.failed(UUID.randomUUID().toString(), orderId,
                "PAYMENT_DECLINED"));

        JsonNode order = awaitStatus(user, orderId, "CANCELLED");
        assertThat(order.get("cancelReason").asString()).isEqualTo("PAYMENT_DECLINED");
        List<ConsumerRecord<String, String>> records = OrderEventsOnKafka.await(orderId, 2, KAFKA);
        JsonNode cancelled = json.readTree(records.getLast().value());
        assertThat(cancelled.get("type").asString()).isEqualTo("shopscale.order.cancelled.v1");
        assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void aLateVerdictNeverOverturnsAFinalOrder() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("HKT-00001", "1"));
        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.failed(UUID.randomUUID().toString(), orderId,
                "PAYMENT_UNAVAILABLE"));
        awaitStatus(user, orderId, "CANCELLED");
        double before = count("shopscale.payment.succeeded.v1", "paid-after-cancel");

        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(), orderId));

        awaitResult("shopscale.payment.succeeded.v1", "paid-after-cancel", before + 1);
        JsonNode order = getJson(user, "/api/orders/" + orderId);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancelReason").asString()).isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(order.get("history")).hasSize(2);
    }

    @Test
    void aPaymentThatArrivesAfterTheDeadlineCancelsTheOrderSoTheChargeIsRefunded() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("HKT-00001", "1"));
        double before = count("shopscale.payment.succeeded.v1", "paid-too-late");

        // The deadline passes while the order is held, so the verdict, not the expiry job, finds it overdue.
        try (Connection holder = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword)) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate("UPDATE orders.orders SET payment_deadline = now() - interval '1 second'"
                        + " WHERE id = '" + orderId + "'");
            }
            PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(), orderId));
            await().atMost(KAFKA).until(() -> waitingForALock() > 0);
            holder.commit();
        }

        JsonNode order = awaitStatus(user, orderId, "CANCELLED");
        assertThat(order.get("cancelReason").asString()).isEqualTo("EXPIRED");
        awaitResult("shopscale.payment.succeeded.v1", "paid-too-late", before + 1);
        List<ConsumerRecord<String, String>> records = OrderEventsOnKafka.await(orderId, 2, KAFKA);
        assertThat(records).extracting(record -> json.readTree(record.value()).get("type").asString())
                .containsExactly("shopscale.order.placed.v1", "shopscale.order.cancelled.v1");
    }

    @Test
    void aConfirmedOrderWhoseStockInventoryCouldNotSellIsCancelledOutOfStockOnce() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("HKT-00001", "1"));
        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(), orderId));
        awaitStatus(user, orderId, "CONFIRMED");
        double duplicatesBefore = inventoryEvents("duplicate");

        PaymentEventsOnKafka.saleRefused(orderId, "EXPIRED");
        PaymentEventsOnKafka.saleRefused(orderId, "EXPIRED");

        JsonNode order = awaitStatus(user, orderId, "CANCELLED");
        assertThat(order.get("cancelReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.get("history")).extracting(change -> change.get("status").asString())
                .containsExactly("PENDING_PAYMENT", "CONFIRMED", "CANCELLED");
        List<ConsumerRecord<String, String>> records = OrderEventsOnKafka.await(orderId, 3, KAFKA);
        JsonNode cancelled = json.readTree(records.getLast().value());
        assertThat(cancelled.get("type").asString()).isEqualTo("shopscale.order.cancelled.v1");
        assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        await().atMost(KAFKA).until(() -> inventoryEvents("duplicate") >= duplicatesBefore + 1);
        assertThat(OrderEventsOnKafka.await(orderId, 4, Duration.ofSeconds(2))).hasSize(3);
    }

    @Test
    void aPaymentEventThatCannotBeReadIsDeadLetteredAndTheNextOneStillApplies() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("HKT-00001", "1"));
        String poisonKey = "poison-" + UUID.randomUUID();

        PaymentEventsOnKafka.send(poisonKey, "{\"id\":\"x\",\"type\":\"shopscale.payment.succeeded.v1\"");
        PaymentEventsOnKafka.send(poisonKey, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(),
                "not-a-uuid"));
        PaymentEventsOnKafka.send(orderId, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(), orderId));

        awaitStatus(user, orderId, "CONFIRMED");
        assertThat(PaymentEventsOnKafka.deadLettered(poisonKey, KAFKA)).isNotEmpty();
        await().atMost(KAFKA).until(() -> metrics.counter("orders.payment.events.dead-lettered").count() >= 2);
    }

    @Test
    void aVerdictForAnUnknownOrderChangesNothing() throws Exception {
        String unknown = UUID.randomUUID().toString();
        double before = count("shopscale.payment.succeeded.v1", "missing");

        PaymentEventsOnKafka.send(unknown, PaymentEventsOnKafka.succeeded(UUID.randomUUID().toString(), unknown));

        awaitResult("shopscale.payment.succeeded.v1", "missing", before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE id = :id::uuid").param("id", unknown)
                .query(Long.class).single()).isZero();
    }

    private JsonNode awaitStatus(String user, String orderId, String status) {
        return await().atMost(KAFKA).until(() -> getJson(user, "/api/orders/" + orderId),
                order -> status.equals(order.get("status").asString()));
    }

    private void awaitResult(String type, String result, double atLeast) {
        await().atMost(KAFKA).until(() -> count(type, result) >= atLeast);
    }

    private double inventoryEvents(String result) {
        var counter = metrics.find("orders.inventory.events").tag("type", "shopscale.inventory.sale-refused.v1")
                .tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private long waitingForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                .query(Long.class).single();
    }

    private double count(String type, String result) {
        var counter = metrics.find("orders.payment.events").tag("type", type).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private long processed(String eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }
}

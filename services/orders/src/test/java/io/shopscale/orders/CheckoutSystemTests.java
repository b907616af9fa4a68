package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import io.shopscale.testsupport.SharedStores;
import tools.jackson.databind.JsonNode;

class CheckoutSystemTests extends SystemTestSupport {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void anAcceptedCheckoutStoresTheOrderAndPublishesOrderPlaced() throws Exception {
        String user = newUser();
        int stockBefore = collaborators.inventory.available("LGT-00002");

        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(),
                "{\"items\":[{\"sku\":\"HKT-00001\",\"quantity\":2,\"unitPrice\":1},"
                        + "{\"sku\":\"LGT-00002\",\"quantity\":1}],\"total\":1,\"userId\":\"someone-else\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        String orderId = body.get("orderId").asString();
        assertThat(body.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
        assertThat(collaborators.inventory.holdsReservation(orderId)).isTrue();
        assertThat(collaborators.inventory.available("LGT-00002")).isEqualTo(stockBefore - 1);

        JsonNode order = getJson(user, "/api/orders/" + orderId);
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("total").asLong()).isEqualTo(2 * 1_299 + 2_599);
        assertThat(order.get("currency").asString()).isEqualTo("USD");
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("lines").get(0).get("unitPrice").asLong()).isEqualTo(1_299);
        assertThat(order.get("history")).hasSize(1);
        assertThat(order.get("history").get(0).get("status").asString()).isEqualTo("PENDING_PAYMENT");
        Instant placed = Instant.parse(order.get("placedAt").asString());
        // Ten minutes to pay from the moment the stock was reserved, a moment before the order was stored.
        Instant deadline = Instant.parse(order.get("paymentDeadline").asString());
        assertThat(Duration.between(placed, deadline)).isBetween(Duration.ofMinutes(10).minusSeconds(5),
                Duration.ofMinutes(10));
        assertThat(deadline).isBeforeOrEqualTo(collaborators.inventory.expiresAt(orderId).minus(Duration.ofMinutes(5)));

        List<ConsumerRecord<String, String>> records = OrderEventsOnKafka.await(orderId, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        JsonNode event = json.readTree(records.getFirst().value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("shopscale.order.placed.v1");
        assertThat(event.get("id").asString()).isNotBlank();
        assertThat(event.get("source").asString()).isNotBlank();
        assertThat(event.get("subject").asString()).isEqualTo(orderId);
        assertThat(event.get("dataschema").asString()).isEqualTo("events/order.placed.v1.schema.json");
        Instant.parse(event.get("time").asString());
        JsonNode data = event.get("data");
        assertThat(data.get("orderId").asString()).isEqualTo(orderId);
        assertThat(data.get("userId").asString()).isEqualTo(user);
        assertThat(data.get("total").asLong()).isEqualTo(2 * 1_299 + 2_599);
        assertThat(data.get("currency").asString()).isEqualTo("USD");
        assertThat(data.get("lines")).hasSize(2);
        assertThat(data.get("lines").get(0).get("unitPrice").asLong()).isEqualTo(1_299);
        Instant.parse(data.get("paymentDeadline").asString());
        // Kafka acknowledged the event, so the outbox lets go of it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc
                .sql("SELECT count(*) FROM event_publication").query(Long.class).single()).isZero());
        String metrics = get(null, "/actuator/prometheus").body();
        assertThat(metrics).contains("orders_checkouts_total{").contains("outcome=\"accepted\"")
                .contains("orders_outbox_oldest_age_seconds");
    }

    @Test
    void outOfStockIsAConflictListingTheShortagesAndPlacesNoOrder() throws Exception {
        String user = newUser();
        collaborators.catalog.price("LOW-00001", 500);
        collaborators.inventory.stock("LOW-00001", 1);

        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(),
                items("HKT-00001", "1", "LOW-00001", "5"));

        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.get("shortages")).hasSize(1);
        assertThat(problem.get("shortages").get(0).get("sku").asString()).isEqualTo("LOW-00001");
        assertThat(problem.get("shortages").get(0).get("requested").asInt()).isEqualTo(5);
        assertThat(problem.get("shortages").get(0).get("available").asInt()).isEqualTo(1);
        assertThat(ordersOf(user)).isZero();
        assertThat(collaborators.inventory.available("LOW-00001")).isEqualTo(1);
    }

    @Test
    void aSkuTheCatalogDoesNotKnowIsRejectedByName() throws Exception {
        String user = newUser();

        JsonNode problem = assertProblem(checkout(user, UUID.randomUUID().toString(),
                items("HKT-00001", "1", "NOPE-00404", "1")), 422);

        assertThat(problem.get("skus").get(0).asString()).isEqualTo("NOPE-00404");
        assertThat(problem.get("detail").asString()).contains("NOPE-00404");
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void inventoryDownIsAQuick503WithRetryAfter() throws Exception {
        collaborators.inventory.mode(FakeInventory.Mode.UNAVAILABLE);
        String user = newUser();

        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(), items("HKT-00001", "1"));

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void aSlowInventoryIsCutOffAtTheDeadline() throws Exception {
        collaborators.inventory.mode(FakeInventory.Mode.SLOW);
        String user = newUser();

        long started = System.nanoTime();
        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(), items("HKT-00001", "1"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(elapsed).isLessThan(DEADLINE.plusMillis(1_500));
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void aTrippedInventoryCircuitAnswersAtOnce() throws Exception {
        collaborators.inventory.mode(FakeInventory.Mode.UNAVAILABLE);
        String user = newUser();
        for (int i = 0; i < 10; i++) {
            assertProblem(checkout(user, UUID.randomUUID().toString(), items("HKT-00001", "1")), 503);
        }
        collaborators.inventory.mode(FakeInventory.Mode.SLOW);

        long started = System.nanoTime();
        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(), items("HKT-00001", "1"));

        assertProblem(response, 503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(breakers.circuitBreaker("inventory").getState().name()).isEqualTo("OPEN");
    }

    /** Only a SKU the price read model has never seen needs the catalog; see PriceReadModelSystemTests. */
    @Test
    void catalogDownIsA503ForANeverSeenSkuAndNothingIsReserved() throws Exception {
        collaborators.catalog.price("UNSEEN-00503", 500);
        collaborators.inventory.stock("UNSEEN-00503", Collaborators.PLENTY);
        collaborators.catalog.failing(true);
        String user = newUser();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> response = checkout(user, key, items("UNSEEN-00503", "1"));

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(ordersOf(user)).isZero();
        String orderId = jdbc.sql("SELECT order_id::text FROM idempotency_key WHERE user_id = :user")
                .param("user", user).query(String.class).single();
        assertThat(collaborators.inventory.reserveCalls(orderId)).isZero();
    }

    @Test
    void postgresqlDownIsA503NotA500() throws Exception {
        String user = newUser();
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).split("\\?")[0];
        var postgres = SharedStores.get().postgres();
        try (Connection admin = DriverManager.getConnection(postgres.connectionString(), postgres.user(),
                postgres.password()); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            try {
                // First requests meet pooled connections that were cut; later ones find no connection at all.
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> list = get(user, "/api/orders");
                    HttpResponse<String> place = checkout(user, UUID.randomUUID().toString(),
                            items("HKT-00001", "1"));

                    assertProblem(list, 503);
                    assertProblem(place, 503);
                    assertThat(list.headers().firstValue("Retry-After")).isPresent();
                    assertThat(place.headers().firstValue("Retry-After")).isPresent();
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
                }
            } finally {
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }
        // The pool reconnects by itself once PostgreSQL is back.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(getJson(user, "/api/orders").get("total").asLong()).isZero());
    }
}

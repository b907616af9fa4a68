package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderQueriesSystemTests extends SystemTestSupport {

    @Test
    void anotherUsersOrderIsNotFoundLikeAMissingOne() throws Exception {
        String owner = newUser();
        String orderId = placeOrder(owner, items("HKT-00001", "1"));

        JsonNode foreign = assertProblem(get(newUser(), "/api/orders/" + orderId), 404);
        JsonNode missing = assertProblem(get(owner, "/api/orders/" + UUID.randomUUID()), 404);

        assertThat(foreign.get("title")).isEqualTo(missing.get("title"));
        assertThat(getJson(owner, "/api/orders/" + orderId).get("id").asString()).isEqualTo(orderId);
    }

    @Test
    void listingsArePagedNewestFirstAndShowOnlyTheCallersOrders() throws Exception {
        String user = newUser();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeOrder(user, items("ELC-00004", String.valueOf(i + 1))));
        }
        placeOrder(newUser(), items("ELC-00004", "1"));

        JsonNode first = getJson(user, "/api/orders?page=0&size=2");
        JsonNode second = getJson(user, "/api/orders?page=1&size=2");
        JsonNode third = getJson(user, "/api/orders?page=2&size=2");

        assertThat(first.get("total").asLong()).isEqualTo(5);
        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(placed.reversed());
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(newest.get("itemCount").asInt()).isEqualTo(5);
        assertThat(newest.get("total").asLong()).isEqualTo(500);
        assertThat(getJson(user, "/api/orders?page=9").get("items")).isEmpty();
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() throws Exception {
        String user = newUser();

        assertThat(assertProblem(get(user, "/api/orders/not-a-uuid"), 400).get("parameter").asString())
                .isEqualTo("id");
        assertThat(assertProblem(get(user, "/api/orders?size=101"), 400).get("parameter").asString())
                .isEqualTo("size");
        assertThat(assertProblem(get(user, "/api/orders?size=0"), 400).get("parameter").asString())
                .isEqualTo("size");
        assertThat(assertProblem(get(user, "/api/orders?page=-1"), 400).get("parameter").asString())
                .isEqualTo("page");
        assertThat(assertProblem(get(user, "/api/orders?page=x"), 400).get("parameter").asString())
                .isEqualTo("page");
    }

    @Test
    void ordersNeedAToken() throws Exception {
        assertProblem(get(null, "/api/orders"), 401);
        assertProblem(get(null, "/api/orders/" + UUID.randomUUID()), 401);
    }

    @Test
    void anOrderNotPaidInTimeIsCancelledAsExpiredAndOrderCancelledIsPublished() throws Exception {
        String user = newUser();
        String orderId = placeOrder(user, items("HKT-00001", "1"));

        jdbc.sql("UPDATE orders SET payment_deadline = now() - interval '1 second' WHERE id = :id::uuid")
                .param("id", orderId).update();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getJson(user, "/api/orders/" + orderId).get("status").asString()).isEqualTo("CANCELLED"));
        JsonNode order = getJson(user, "/api/orders/" + orderId);
        assertThat(order.get("cancelReason").asString()).isEqualTo("EXPIRED");
        assertThat(order.get("history")).hasSize(2);
        assertThat(order.get("history").get(1).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("history").get(1).get("reason").asString()).isEqualTo("EXPIRED");

        List<ConsumerRecord<String, String>> records = OrderEventsOnKafka.await(orderId, 2, Duration.ofSeconds(20));
        assertThat(records).hasSize(2);
        assertThat(records.stream().map(r -> json.readTree(r.value()).get("type").asString()))
                .containsExactly("shopscale.order.placed.v1", "shopscale.order.cancelled.v1");
        JsonNode cancelled = json.readTree(records.get(1).value());
        assertThat(cancelled.get("subject").asString()).isEqualTo(orderId);
        assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("EXPIRED");
        assertThat(cancelled.get("data").get("userId").asString()).isEqualTo(user);
    }
}

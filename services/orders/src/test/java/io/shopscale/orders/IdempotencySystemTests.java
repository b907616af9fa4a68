package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdempotencySystemTests extends SystemTestSupport {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameAnswerAndOneOrder() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = checkout(user, key, items("HKT-00001", "1", "FRN-00003", "2"));
        // The same request, its lines listed the other way round and with a field the service ignores.
        HttpResponse<String> again = checkout(user, key,
                "{\"items\":[{\"sku\":\"FRN-00003\",\"quantity\":2},{\"sku\":\"HKT-00001\",\"quantity\":1}],"
                        + "\"note\":\"retry\"}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(ordersOf(user)).isOne();
        String orderId = json.readTree(first.body()).get("orderId").asString();
        assertThat(collaborators.inventory.reserveCalls(orderId)).isOne();
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        assertThat(checkout(user, key, items("HKT-00001", "1")).statusCode()).isEqualTo(202);

        assertProblem(checkout(user, key, items("HKT-00001", "2")), 422);

        assertThat(ordersOf(user)).isOne();
    }

    @Test
    void keysBelongToTheirUser() throws Exception {
        String key = UUID.randomUUID().toString();
        String alice = newUser();
        String bob = newUser();

        HttpResponse<String> forAlice = checkout(alice, key, items("HKT-00001", "1"));
        HttpResponse<String> forBob = checkout(bob, key, items("HKT-00001", "1"));

        assertThat(forAlice.statusCode()).isEqualTo(202);
        assertThat(forBob.statusCode()).isEqualTo(202);
        assertThat(forBob.body()).isNotEqualTo(forAlice.body());
        assertThat(ordersOf(alice)).isOne();
        assertThat(ordersOf(bob)).isOne();
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyPlaceExactlyOneOrder() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        String body = items("ELC-00004", "3");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return checkout(user, key, body);
                }));
            }
            start.countDown();
        }

        String acceptedBody = null;
        int accepted = 0;
        for (Future<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get();
            assertThat(response.statusCode()).as(response.body()).isIn(202, 409);
            if (response.statusCode() == 202) {
                accepted++;
                assertThat(acceptedBody == null || acceptedBody.equals(response.body())).isTrue();
                acceptedBody = response.body();
            } else {
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(accepted).isPositive();
        assertThat(ordersOf(user)).isOne();
        HttpResponse<String> later = checkout(user, key, body);
        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(later.body()).isEqualTo(acceptedBody);
        String orderId = json.readTree(acceptedBody).get("orderId").asString();
        assertThat(collaborators.inventory.reserveCalls(orderId)).isOne();
    }

    @Test
    void aDefinitiveRefusalIsReplayedToo() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        collaborators.catalog.price("RARE-00001", 10_000);
        collaborators.inventory.stock("RARE-00001", 0);

        HttpResponse<String> first = checkout(user, key, items("RARE-00001", "1"));
        collaborators.inventory.stock("RARE-00001", 10);
        HttpResponse<String> again = checkout(user, key, items("RARE-00001", "1"));

        assertProblem(first, 409);
        assertProblem(again, 409);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void aRetryAfterATransientFailureRunsAgainUnderTheSameOrderId() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        collaborators.inventory.mode(FakeInventory.Mode.UNAVAILABLE);
        assertProblem(checkout(user, key, items("LGT-00002", "1")), 503);
        String orderId = jdbc.sql("SELECT order_id::text FROM idempotency_key WHERE user_id = :user")
                .param("user", user).query(String.class).single();
        collaborators.inventory.mode(FakeInventory.Mode.NORMAL);

        HttpResponse<String> retry = checkout(user, key, items("LGT-00002", "1"));

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(json.readTree(retry.body()).get("orderId").asString()).isEqualTo(orderId);
        assertThat(collaborators.inventory.reserveCalls(orderId)).isEqualTo(2);
        assertThat(ordersOf(user)).isOne();
    }

    @Test
    void aRetryWhoseReservationHasEndedStartsOverUnderANewOrderId() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        collaborators.inventory.mode(FakeInventory.Mode.UNAVAILABLE);
        assertProblem(checkout(user, key, items("LGT-00002", "1")), 503);
        String spent = jdbc.sql("SELECT order_id::text FROM idempotency_key WHERE user_id = :user")
                .param("user", user).query(String.class).single();
        collaborators.inventory.mode(FakeInventory.Mode.NORMAL);
        // Say the lost reservation did happen and has run out since.
        collaborators.inventory.expire(spent);

        HttpResponse<String> retry = checkout(user, key, items("LGT-00002", "1"));

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        String orderId = json.readTree(retry.body()).get("orderId").asString();
        assertThat(orderId).isNotEqualTo(spent);
        assertThat(collaborators.inventory.holdsReservation(orderId)).isTrue();
        assertThat(ordersOf(user)).isOne();
        assertThat(checkout(user, key, items("LGT-00002", "1")).body()).isEqualTo(retry.body());
    }

    @Test
    void aClaimLeftBehindByACrashedRequestIsTakenOverAfterItsLock() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        String body = items("HKT-00001", "1");
        assertThat(checkout(user, key, body).statusCode()).isEqualTo(202);
        // Make it look as if the process died mid-request: in flight, lock run out, no answer stored.
        String orderId = jdbc.sql("SELECT order_id::text FROM idempotency_key WHERE user_id = :user")
                .param("user", user).query(String.class).single();
        jdbc.sql("DELETE FROM orders WHERE user_id = :user").param("user", user).update();
        jdbc.sql("""
                UPDATE idempotency_key SET state = 'IN_FLIGHT', response_status = NULL, response_body = NULL,
                       locked_until = now() + interval '1 hour' WHERE user_id = :user""")
                .param("user", user).update();

        assertProblem(checkout(user, key, body), 409);

        jdbc.sql("UPDATE idempotency_key SET locked_until = now() - interval '1 second' WHERE user_id = :user")
                .param("user", user).update();
        HttpResponse<String> takeover = checkout(user, key, body);
        assertThat(takeover.statusCode()).as(takeover.body()).isEqualTo(202);
        assertThat(json.readTree(takeover.body()).get("orderId").asString()).isEqualTo(orderId);
        assertThat(ordersOf(user)).isOne();
    }

    @Test
    void theKeyIsRequiredAndBounded() throws Exception {
        String user = newUser();

        JsonNode missing = assertProblem(checkout(user, null, items("HKT-00001", "1")), 400);
        assertProblem(checkout(user, "   ", items("HKT-00001", "1")), 400);
        assertProblem(checkout(user, "k".repeat(256), items("HKT-00001", "1")), 400);

        assertThat(missing.get("parameter").asString()).isEqualTo("Idempotency-Key");
        assertThat(checkout(user, "k".repeat(255), items("HKT-00001", "1")).statusCode()).isEqualTo(202);
        assertThat(ordersOf(user)).isOne();
    }
}

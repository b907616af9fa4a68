package io.shopscale.psp;

import static io.shopscale.psp.PspClient.JSON;
import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.psp.idempotency.IdempotencyKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Stripe's rules: a key replays its first response, refuses other parameters, and is 409 while in flight. */
class IdempotencySystemTests extends RunningSimulatorTests {

    @Autowired
    IdempotencyKeys keys;

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseExactly() {
        String key = fresh("key");
        String body = chargeBody(2499, fresh("order"));

        HttpResponse<String> first = psp.charge(key, body);
        HttpResponse<String> again = psp.charge(key, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(psp.chargesFor(JSON.readTree(body).get("orderRef").asString())).hasSize(1);
    }

    @Test
    void aServerErrorIsReplayedToo() {
        psp.settings("{\"errorRate\": 1}");
        String key = fresh("key");
        String order = fresh("order");

        HttpResponse<String> first = psp.charge(key, chargeBody(100, order));
        psp.settings("{\"errorRate\": 0}");
        HttpResponse<String> again = psp.charge(key, chargeBody(100, order));

        assertProblem(first, 500, null);
        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(psp.chargesFor(order)).isEmpty();
    }

    @Test
    void aDeclineIsReplayedToo() {
        psp.settings("{\"declineRate\": 1}");
        String key = fresh("key");
        String body = chargeBody(100, fresh("order"));

        HttpResponse<String> first = psp.charge(key, body);
        psp.settings("{\"declineRate\": 0}");
        HttpResponse<String> again = psp.charge(key, body);

        assertThat(first.statusCode()).isEqualTo(402);
        assertThat(again.statusCode()).isEqualTo(402);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void theSameKeyWithOtherParametersIsRefused() {
        String key = fresh("key");
        String order = fresh("order");
        json(psp.charge(key, chargeBody(100, order)), 200);

        for (String other : List.of(chargeBody(101, order), chargeBody(100, fresh("order")),
                chargeBody(100, order).replace("EUR", "USD"), chargeBody(100, order).replace("cus_test", "cus_x"))) {
            JsonNode problem = assertProblem(psp.charge(key, other), 400, "Idempotency-Key");
            assertThat(problem.get("detail").asString()).contains("other parameters");
        }
        assertThat(psp.chargesFor(order)).hasSize(1);
    }

    @Test
    void aKeyStillInFlightIs409UntilItsAnswerCanBeReplayed() {
        psp.settings("{\"latency\": \"1500ms\"}");
        String key = fresh("key");
        String body = chargeBody(100, fresh("order"));
        int before = keys.size();

        CompletableFuture<HttpResponse<String>> first = psp.chargeAsync(key, body);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> keys.size() == before + 1);
        HttpResponse<String> meanwhile = psp.charge(key, body);

        assertProblem(meanwhile, 409, null);
        assertThat(meanwhile.headers().firstValue("Retry-After")).contains("1");
        HttpResponse<String> answered = first.join();
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(psp.charge(key, body).body()).isEqualTo(answered.body());
    }

    @Test
    void concurrentRequestsWithOneKeyChargeOnce() {
        psp.settings("{\"latency\": \"200ms\"}");
        String key = fresh("key");
        String order = fresh("order");
        String body = chargeBody(100, order);

        List<HttpResponse<String>> responses = IntStream.range(0, 8)
                .mapToObj(i -> psp.chargeAsync(key, body)).toList()
                .stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> charged = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 409));
        assertThat(charged).isNotEmpty();
        assertThat(charged).extracting(HttpResponse::body).containsOnly(charged.getFirst().body());
        assertThat(psp.chargesFor(order)).hasSize(1);
    }

    @Test
    void aRequestThatFailsValidationDoesNotUseUpItsKey() {
        String key = fresh("key");
        String order = fresh("order");

        assertProblem(psp.charge(key, chargeBody(-1, order)), 400, "amount");

        assertThat(json(psp.charge(key, chargeBody(100, order)), 200).get("amount").asLong()).isEqualTo(100);
    }
}

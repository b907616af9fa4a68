package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A charge that "times out" is made, but its request gets no answer: only a retry with the same key tells. */
class TimeoutSystemTests extends RunningSimulatorTests {

    @Test
    void theClientTimesOutButTheChargeIsMadeAndARetryWithTheKeyGetsIt() {
        psp.settings("{\"timeoutRate\": 1, \"hang\": \"2s\"}");
        String key = fresh("key");
        String order = fresh("order");

        assertThatThrownBy(() -> psp.chargeWithin(key, chargeBody(700, order), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        JsonNode listed = await().atMost(Duration.ofSeconds(2))
                .until(() -> psp.chargesFor(order), charges -> charges.size() == 1).get(0);
        psp.settings("{\"timeoutRate\": 0}");
        HttpResponse<String> retry = psp.charge(key, chargeBody(700, order));

        JsonNode charge = json(retry, 200);
        assertThat(charge).isEqualTo(listed);
        assertThat(charge.get("amount").asLong()).isEqualTo(700);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(psp.chargesFor(order)).hasSize(1);
    }

    @Test
    void aClientThatWaitsLongerThanTheHangGets504AndTheChargeStands() {
        psp.settings("{\"timeoutRate\": 1, \"hang\": \"200ms\"}");
        String key = fresh("key");
        String order = fresh("order");

        JsonNode problem = assertProblem(psp.charge(key, chargeBody(700, order)), 504, null);

        assertThat(problem.get("detail").asString()).contains("same Idempotency-Key");
        assertThat(psp.chargesFor(order)).hasSize(1);
        assertThat(json(psp.charge(key, chargeBody(700, order)), 200).get("orderRef").asString()).isEqualTo(order);
    }

    @Test
    void latencyDelaysTheAnswer() {
        psp.settings("{\"latency\": \"300ms\"}");

        long started = System.nanoTime();
        json(psp.charge(fresh("key"), chargeBody(1, fresh("order"))), 200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}

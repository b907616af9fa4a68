package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static io.shopscale.psp.PspClient.refundBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.psp.idempotency.IdempotencyKeys;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A charge is refunded whole and at most once; it then no longer counts as a succeeded charge. */
class RefundSystemTests extends RunningSimulatorTests {

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRefundedChargeIsListedAsRefundedAndNoLongerAsSucceeded() {
        String order = fresh("order");
        String chargeKey = fresh("key");
        HttpResponse<String> charged = psp.charge(chargeKey, chargeBody(2499, order));
        String chargeId = json(charged, 200).get("id").asString();

        JsonNode refund = json(psp.refund(fresh("key"), refundBody(chargeId)), 200);

        assertThat(refund.get("id").asString()).startsWith("re_");
        assertThat(refund.get("charge").asString()).isEqualTo(chargeId);
        assertThat(refund.get("amount").asLong()).isEqualTo(2499);
        assertThat(refund.get("status").asString()).isEqualTo("succeeded");
        assertThat(Instant.parse(refund.get("created").asString())).isBefore(Instant.now().plusSeconds(1));
        JsonNode listed = psp.chargesFor(order);
        assertThat(listed).hasSize(1);
        JsonNode charge = listed.get(0);
        assertThat(charge.get("id").asString()).isEqualTo(chargeId);
        assertThat(charge.get("status").asString()).isEqualTo("refunded");
        assertThat(charge.get("refunded").asBoolean()).isTrue();
        assertThat(charge.get("refundId").asString()).isEqualTo(refund.get("id").asString());
        assertThat(charge.get("amount").asLong()).isEqualTo(2499);
        assertThat(succeeded(listed)).isZero();
        assertThat(json(psp.getCharge("/v1/charges/" + chargeId), 200)).isEqualTo(charge);
        // The charge's own key still replays what it was answered then, as at Stripe.
        assertThat(psp.charge(chargeKey, chargeBody(2499, order)).body()).isEqualTo(charged.body());
    }

    @Test
    void aChargeNotRefundedSaysSo() {
        JsonNode charge = psp.chargeForOrder(fresh("order"));

        assertThat(charge.get("status").asString()).isEqualTo("succeeded");
        assertThat(charge.get("refunded").asBoolean()).isFalse();
        assertThat(charge.get("refundId").isNull()).isTrue();
    }

    @Test
    void theSameKeyAndBodyReplayTheRefundExactly() {
        String key = fresh("key");
        String body = refundBody(psp.chargeForOrder(fresh("order")).get("id").asString());

        HttpResponse<String> first = psp.refund(key, body);
        HttpResponse<String> again = psp.refund(key, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndRefundsNothing() {
        String key = fresh("key");
        String order = fresh("order");
        String refunded = psp.chargeForOrder(fresh("order")).get("id").asString();
        String other = psp.chargeForOrder(order).get("id").asString();
        json(psp.refund(key, refundBody(refunded)), 200);

        JsonNode problem = assertProblem(psp.refund(key, refundBody(other)), 400, "Idempotency-Key");

        assertThat(problem.get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(psp.chargesFor(order).get(0).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void chargesAndRefundsShareOneSetOfKeys() {
        String key = fresh("key");
        String chargeId = json(psp.charge(key, chargeBody(100, fresh("order"))), 200).get("id").asString();

        assertProblem(psp.refund(key, refundBody(chargeId)), 400, "Idempotency-Key");
    }

    @Test
    void refundingAnUnknownChargeIs404AndUsesNoKey() {
        String key = fresh("key");

        assertProblem(psp.refund(key, refundBody("ch_unknown")), 404, null);

        String chargeId = psp.chargeForOrder(fresh("order")).get("id").asString();
        assertThat(json(psp.refund(key, refundBody(chargeId)), 200).get("charge").asString()).isEqualTo(chargeId);
    }

    @Test
    void aChargeRefundedUnderTwoKeysHasOneRefund() {
        String order = fresh("order");
        String chargeId = psp.chargeForOrder(order).get("id").asString();
        double made = refunds("refunded");
        double found = refunds("already_refunded");

        JsonNode first = json(psp.refund(fresh("key"), refundBody(chargeId)), 200);
        HttpResponse<String> second = psp.refund(fresh("key"), refundBody(chargeId));

        assertThat(json(second, 200)).isEqualTo(first);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(psp.chargesFor(order).get(0).get("refundId").asString()).isEqualTo(first.get("id").asString());
        assertThat(refunds("refunded") - made).isEqualTo(1);
        assertThat(refunds("already_refunded") - found).isEqualTo(1);
    }

    @Test
    void concurrentRefundsOfOneChargeUnderManyKeysMakeOneRefund() {
        psp.settings("{\"latency\": \"100ms\", \"jitter\": \"100ms\"}");
        String chargeId = psp.chargeForOrder(fresh("order")).get("id").asString();
        double made = refunds("refunded");

        List<HttpResponse<String>> responses = IntStream.range(0, 8)
                .mapToObj(i -> psp.refundAsync(fresh("key"), refundBody(chargeId))).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.getFirst().body());
        assertThat(refunds("refunded") - made).isEqualTo(1);
    }

    @Test
    void aKeyStillInFlightIs409UntilItsRefundCanBeReplayed() {
        String body = refundBody(psp.chargeForOrder(fresh("order")).get("id").asString());
        psp.settings("{\"latency\": \"1500ms\"}");
        String key = fresh("key");
        int before = keys.size();

        CompletableFuture<HttpResponse<String>> first = psp.refundAsync(key, body);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> keys.size() == before + 1);
        HttpResponse<String> meanwhile = psp.refund(key, body);

        assertProblem(meanwhile, 409, null);
        assertThat(meanwhile.headers().firstValue("Retry-After")).contains("1");
        HttpResponse<String> answered = first.join();
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(psp.refund(key, body).body()).isEqualTo(answered.body());
    }

    @Test
    void latencyDelaysARefundButDeclinesErrorsAndTimeoutsDoNotApply() {
        String order = fresh("order");
        String chargeId = psp.chargeForOrder(order).get("id").asString();
        psp.settings("{\"latency\": \"300ms\", \"declineRate\": 0.4, \"errorRate\": 0.3, \"timeoutRate\": 0.3}");

        long started = System.nanoTime();
        JsonNode refund = json(psp.refund(fresh("key"), refundBody(chargeId)), 200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(refund.get("charge").asString()).isEqualTo(chargeId);
        assertThat(psp.chargesFor(order).get(0).get("status").asString()).isEqualTo("refunded");
    }

    @Test
    void duringAnOutageRefundsAreRefused() {
        String chargeId = psp.chargeForOrder(fresh("order")).get("id").asString();
        psp.settings("{\"outage\": true}");

        assertThatThrownBy(() -> new PspClient(chargePort, adminPort, ADMIN_TOKEN)
                .refund(fresh("key"), refundBody(chargeId)))
                .hasCauseInstanceOf(ConnectException.class);

        psp.settings("{\"outage\": false}");
        PspClient after = new PspClient(chargePort, adminPort, ADMIN_TOKEN);
        assertThat(json(after.refund(fresh("key"), refundBody(chargeId)), 200).get("charge").asString())
                .isEqualTo(chargeId);
    }

    @Test
    void refundsAreCountedInTheMetrics() {
        json(psp.refund(fresh("key"), refundBody(psp.chargeForOrder(fresh("order")).get("id").asString())), 200);

        HttpResponse<String> metrics = psp.admin("GET", "/actuator/prometheus", null);
        assertThat(metrics.body()).contains("psp_refunds_total{").contains("result=\"refunded\"");
    }

    private static long succeeded(JsonNode charges) {
        return StreamSupport.stream(charges.spliterator(), false)
                .filter(charge -> "succeeded".equals(charge.get("status").asString()))
                .count();
    }

    private double refunds(String result) {
        return meters.get("psp.refunds").tag("result", result).counter().count();
    }
}

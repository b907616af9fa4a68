package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.json;
import static io.shopscale.psp.PspClient.refundBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, a bad refund request is a 4xx problem naming what was wrong, and refunds nothing. */
class RefundInputSystemTests extends RunningSimulatorTests {

    @Test
    void invalidFieldsAreNamedAndRefundNothing() {
        String order = fresh("order");
        JsonNode charge = psp.chargeForOrder(order);
        String id = "\"" + charge.get("id").asString() + "\"";
        Map<String, String> invalid = Map.ofEntries(
                Map.entry("{}", "charge"),
                Map.entry("{\"charge\": null}", "charge"),
                Map.entry("{\"charge\": \" \"}", "charge"),
                Map.entry("{\"charge\": [" + id + "]}", "charge"),
                Map.entry("{\"charge\": {\"id\": " + id + "}}", "charge"),
                Map.entry("{\"charge\": \"" + "c".repeat(256) + "\"}", "charge"),
                Map.entry("{\"charge\": " + id + ", \"amount\": 1}", "amount"),
                Map.entry("{\"charge\": " + id + ", \"amount\": 0}", "amount"),
                Map.entry("{\"charge\": " + id + ", \"amount\": 2.5}", "amount"),
                Map.entry("{\"charge\": " + id + ", \"amount\": \"100\"}", "amount"));

        invalid.forEach((body, field) -> {
            HttpResponse<String> response = psp.refund(fresh("key"), body);
            assertProblem(response, 400, field);
            assertThat(response.body()).doesNotContain("c".repeat(100));
        });
        assertThat(psp.chargesFor(order).get(0).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void theWholeAmountMayBeGiven() {
        JsonNode charge = psp.chargeForOrder(fresh("order"));
        String body = "{\"charge\": \"%s\", \"amount\": %d}".formatted(charge.get("id").asString(),
                charge.get("amount").asLong());

        assertThat(json(psp.refund(fresh("key"), body), 200).get("amount").asLong())
                .isEqualTo(charge.get("amount").asLong());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRejected() {
        for (String body : new String[] {"", "{", "[]", "2", "null", "\"ch_1\"", "charge=ch_1"}) {
            JsonNode problem = assertProblem(psp.refund(fresh("key"), body), 400, "body");
            assertThat(problem.get("detail").asString()).contains("{\"charge\": ");
        }
        HttpResponse<String> text = psp.send(HttpRequest.newBuilder(psp.charges("/v1/refunds"))
                .header("Content-Type", "text/plain").header("Idempotency-Key", fresh("key"))
                .POST(HttpRequest.BodyPublishers.ofString(refundBody("ch_1"))).build());
        assertProblem(text, 415, null);
    }

    @Test
    void theIdempotencyKeyIsRequiredAndBounded() {
        String chargeId = psp.chargeForOrder(fresh("order")).get("id").asString();
        String body = refundBody(chargeId);

        assertProblem(psp.refund(null, body), 400, "Idempotency-Key");
        assertProblem(psp.refund(" ", body), 400, "Idempotency-Key");
        assertProblem(psp.refund("k".repeat(256), body), 400, "Idempotency-Key");
        String longest = (fresh("key") + "k".repeat(255)).substring(0, 255);
        assertThat(json(psp.refund(longest, body), 200).get("charge").asString()).isEqualTo(chargeId);
    }

    @Test
    void aRequestThatFailsValidationDoesNotUseUpItsKey() {
        String key = fresh("key");
        JsonNode charge = psp.chargeForOrder(fresh("order"));
        String chargeId = charge.get("id").asString();

        assertProblem(psp.refund(key, "{\"charge\": \"%s\", \"amount\": 1}".formatted(chargeId)), 400, "amount");

        assertThat(json(psp.refund(key, refundBody(chargeId)), 200).get("charge").asString()).isEqualTo(chargeId);
    }

    @Test
    void otherMethodsAreClientErrors() {
        HttpResponse<String> get = psp.getCharge("/v1/refunds");
        assertThat(get.statusCode()).as(get.body()).isBetween(400, 499);
        HttpResponse<String> put = psp.send(HttpRequest.newBuilder(psp.charges("/v1/refunds"))
                .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(put, 405, null);
    }
}

package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, a bad request is a 4xx problem naming what was wrong, never a 5xx, never a charge. */
class ChargeInputSystemTests extends RunningSimulatorTests {

    @Test
    void invalidFieldsAreNamed() {
        String order = "\"" + fresh("order") + "\"";
        String longText = "\"" + "c".repeat(256) + "\"";
        Map<String, String> invalid = Map.ofEntries(
                Map.entry(body("0", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("-1", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("2.5", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("\"100\"", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("1e3", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("1000000000000", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("99999999999999999999", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("null", "\"EUR\"", "\"c\"", order), "amount"),
                Map.entry(body("1", "\"eur\"", "\"c\"", order), "currency"),
                Map.entry(body("1", "\"EURO\"", "\"c\"", order), "currency"),
                Map.entry(body("1", "null", "\"c\"", order), "currency"),
                Map.entry(body("1", "\"EUR\"", "\" \"", order), "customer"),
                Map.entry(body("1", "\"EUR\"", longText, order), "customer"),
                Map.entry(body("1", "\"EUR\"", "\"c\"", "[" + order + "]"), "orderRef"),
                Map.entry(body("1", "\"EUR\"", "\"c\"", "\"\""), "orderRef"));

        invalid.forEach((body, field) -> {
            HttpResponse<String> response = psp.charge(fresh("key"), body);
            assertProblem(response, 400, field);
            assertThat(response.body()).doesNotContain("c".repeat(100));
        });
        assertThat(psp.chargesFor(order.replace("\"", ""))).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRejected() {
        for (String body : new String[] {"", "{", "[]", "2", "null", "\"charge\"", "amount=1",
                "{\"amount\":1}{\"amount\":2}"}) {
            assertProblem(psp.charge(fresh("key"), body), 400, "body");
        }
        HttpResponse<String> text = psp.send(HttpRequest.newBuilder(psp.charges("/v1/charges"))
                .header("Content-Type", "text/plain").header("Idempotency-Key", fresh("key"))
                .POST(HttpRequest.BodyPublishers.ofString(chargeBody(1, fresh("order")))).build());
        assertProblem(text, 415, null);
    }

    @Test
    void theIdempotencyKeyIsRequiredAndBounded() {
        String body = chargeBody(1, fresh("order"));

        assertProblem(psp.charge(null, body), 400, "Idempotency-Key");
        assertProblem(psp.charge(" ", body), 400, "Idempotency-Key");
        assertProblem(psp.charge("k".repeat(256), body), 400, "Idempotency-Key");
        String longest = (fresh("key") + "k".repeat(255)).substring(0, 255);
        assertThat(json(psp.charge(longest, body), 200).get("amount").asLong()).isEqualTo(1);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String order = fresh("order");

        String body = "{\"amount\": 5, \"currency\": \"EUR\", \"customer\": \"c\", \"orderRef\": \"" + order + "\","
                + " \"id\": \"ch_mine\", \"status\": \"refunded\", \"metadata\": {\"a\": [1, 2]}}";

        assertThat(json(psp.charge(fresh("key"), body), 200).get("id").asString()).isNotEqualTo("ch_mine");
    }

    @Test
    void oddRequestsAreClientErrors() {
        assertProblem(psp.getCharge("/v1/charges"), 400, "orderRef");
        assertThat(psp.chargesFor("")).isEmpty();
        assertThat(psp.chargesFor("x".repeat(3000))).isEmpty();
        for (String path : new String[] {"/v1/charges/%2F..%2F", "/v1/charges/ch;x=1", "/v1/charges/%25",
                "/v1/charges/" + "x".repeat(3000), "/v1/nothing"}) {
            HttpResponse<String> response = psp.getCharge(path);
            assertThat(response.statusCode()).as(path + " -> " + response.body()).isBetween(400, 499);
        }
        HttpResponse<String> put = psp.send(HttpRequest.newBuilder(psp.charges("/v1/charges"))
                .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(put, 405, null);
    }

    @Test
    void aHugeOrDeeplyNestedBodyIsAClientErrorAtWorst() {
        String padding = "x".repeat(2_000_000);
        String deep = "{\"amount\": 1, \"n\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        HttpResponse<String> large = psp.charge(fresh("key"), "{\"amount\": 1, \"note\": \"" + padding + "\"}");
        HttpResponse<String> nested = psp.charge(fresh("key"), deep);

        assertThat(large.statusCode()).as(large.body()).isBetween(400, 499);
        assertThat(large.body()).doesNotContain(padding.substring(0, 100));
        assertThat(nested.statusCode()).as(nested.body()).isBetween(400, 499);
    }

    /** A charge body from raw JSON values. */
    private static String body(String amount, String currency, String customer, String orderRef) {
        return "{\"amount\": %s, \"currency\": %s, \"customer\": %s, \"orderRef\": %s}"
                .formatted(amount, currency, customer, orderRef);
    }
}

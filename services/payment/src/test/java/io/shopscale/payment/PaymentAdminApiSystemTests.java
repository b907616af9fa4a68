package io.shopscale.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operators' view of a payment: ADMIN only, problem+json for everything else. */
class PaymentAdminApiSystemTests extends PaymentSystemTestSupport {

    @Test
    void adminsSeeAPaymentWithItsAttempts() throws Exception {
        String orderId = placeOrder();
        awaitStatus(orderId, "SUCCEEDED");

        JsonNode payment = adminView(orderId);

        assertThat(payment.get("orderId").asString()).isEqualTo(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("amount").asLong()).isEqualTo(2_599);
        assertThat(payment.get("currency").asString()).isEqualTo("USD");
        assertThat(payment.get("customer").asString()).isEqualTo("user-" + orderId);
        assertThat(payment.get("idempotencyKey").asString()).isEqualTo(orderId);
        assertThat(payment.get("attempts")).hasSize(1);
        JsonNode attempt = payment.get("attempts").get(0);
        assertThat(attempt.get("operation").asString()).isEqualTo("CHARGE");
        assertThat(attempt.get("idempotencyKey").asString()).isEqualTo(orderId);
        assertThat(attempt.get("durationMs").asLong()).isNotNegative();
    }

    @Test
    void anUnknownOrderIsAProblem() throws Exception {
        HttpResponse<String> response = get("/api/admin/payments/" + UUID.randomUUID(), "ADMIN");

        assertProblem(response, 404);
        assertProblem(get("/api/admin/payments/not-a-uuid", "ADMIN"), 400);
    }

    @Test
    void onlyAdminsMayLook() throws Exception {
        String path = "/api/admin/payments/" + UUID.randomUUID();

        assertProblem(get(path), 401);
        assertProblem(get(path, "USER"), 403);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }
}

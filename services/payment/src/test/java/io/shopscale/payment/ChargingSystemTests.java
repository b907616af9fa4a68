package io.shopscale.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Placed orders charged through the provider, whatever the provider does. */
class ChargingSystemTests extends PaymentSystemTestSupport {

    @Test
    void aPlacedOrderIsChargedOnceAndPaymentSucceededIsPublished() throws Exception {
        String orderId = placeOrder(2_599, Instant.now().plus(Duration.ofMinutes(10)));

        List<JsonNode> events = paymentEvents(orderId, 1);

        List<TestProvider.Charge> charges = PROVIDER.chargesFor(orderId);
        assertThat(charges).hasSize(1);
        assertThat(charges.getFirst().idempotencyKey()).isEqualTo(orderId);
        assertThat(charges.getFirst().amount()).isEqualTo(2_599);
        assertThat(charges.getFirst().customer()).isEqualTo("user-" + orderId);
        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.get("type").asString()).isEqualTo("shopscale.payment.succeeded.v1");
        assertThat(event.get("source").asString()).isEqualTo("/shopscale/payment");
        assertThat(event.get("subject").asString()).isEqualTo(orderId);
        assertThat(event.get("dataschema").asString()).isEqualTo("events/payment.succeeded.v1.schema.json");
        JsonNode data = event.get("data");
        assertThat(data.get("orderId").asString()).isEqualTo(orderId);
        assertThat(data.get("chargeId").asString()).isEqualTo(charges.getFirst().id());
        assertThat(data.get("amount").asLong()).isEqualTo(2_599);
        assertThat(data.get("currency").asString()).isEqualTo("USD");
        UUID.fromString(data.get("paymentId").asString());
        Instant.parse(data.get("succeededAt").asString());

        JsonNode payment = adminView(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("chargeId").asString()).isEqualTo(charges.getFirst().id());
        assertThat(payment.get("attempts")).hasSize(1);
        assertThat(payment.get("attempts").get(0).get("outcome").asString()).isEqualTo("succeeded");
        assertThat(payment.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(200);
        // Kafka acknowledged the event, so the outbox lets go of it.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc
                .sql("SELECT count(*) FROM event_publication").query(Long.class).single()).isZero());
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("payment_payments_total{").contains("result=\"succeeded\"")
                .contains("payment_provider_calls_seconds_count{").contains("payment_pending ")
                .contains("payment_pending_oldest_age_seconds").contains("payment_outbox_oldest_age_seconds")
                .contains("resilience4j_circuitbreaker_state{").contains("resilience4j_bulkhead_available");
    }

    @Test
    void aDeclinedChargeFailsThePaymentWithTheProvidersCodeAndIsNotRetried() {
        String orderId = UUID.randomUUID().toString();
        PROVIDER.script(orderId, TestProvider.Behaviour.DECLINE);
        PROVIDER.declineCode(orderId, "insufficient_funds");

        publish(orderId, placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10))));
        JsonNode event = paymentEvents(orderId, 1).getFirst();

        assertThat(event.get("type").asString()).isEqualTo("shopscale.payment.failed.v1");
        assertThat(event.get("data").get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(event.get("data").get("declineCode").asString()).isEqualTo("insufficient_funds");
        assertThat(status(orderId)).isEqualTo("FAILED");
        assertThat(PROVIDER.chargeRequests(orderId)).isEqualTo(1);
        assertThat(attemptOutcomes(orderId)).containsExactly("CHARGE " + orderId + " declined");
    }

    @Test
    void whileTheProviderIsDownTheBreakerOpensAndThePaymentWaitsUntilItIsBack() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("payment-provider");
        List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
        PROVIDER.down();

        String orderId = placeOrder();

        await().atMost(PATIENCE).until(() -> attemptOutcomes(orderId).stream()
                .anyMatch(outcome -> outcome.endsWith("circuit_open")));
        assertThat(transitions).contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
        assertThat(status(orderId)).isEqualTo("PENDING");
        JsonNode waiting = adminView(orderId);
        assertThat(Instant.parse(waiting.get("nextAttemptAt").asString()))
                .isAfter(Instant.parse(waiting.get("createdAt").asString()));

        PROVIDER.up();

        awaitStatus(orderId, "SUCCEEDED");
        assertThat(PROVIDER.chargesFor(orderId)).hasSize(1);
        assertThat(attemptOutcomes(orderId)).first().isEqualTo("CHARGE " + orderId + " connection_refused");
        assertThat(attemptOutcomes(orderId)).last().isEqualTo("CHARGE " + orderId + " succeeded");
        await().atMost(PATIENCE).until(() -> breaker.getState() != CircuitBreaker.State.OPEN);
    }

    @Test
    void aProviderDownPastTheDeadlineFailsThePaymentAsUnavailable() {
        PROVIDER.down();

        String orderId = placeOrder(999, Instant.now().plus(Duration.ofSeconds(3)));
        JsonNode event = paymentEvents(orderId, 1).getFirst();

        assertThat(event.get("type").asString()).isEqualTo("shopscale.payment.failed.v1");
        assertThat(event.get("data").get("reason").asString()).isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(event.get("data").get("declineCode").isNull()).isTrue();
        assertThat(status(orderId)).isEqualTo("FAILED");
        assertThat(attemptOutcomes(orderId)).allSatisfy(outcome ->
                assertThat(outcome).matches(".* (connection_refused|circuit_open)"));
        PROVIDER.up();
        assertThat(PROVIDER.chargeRequests(orderId)).isZero();
    }

    @Test
    void aLostAnswerIsAskedAgainWithTheSameKeyAndTheOrderIsChargedOnce() {
        String orderId = UUID.randomUUID().toString();
        PROVIDER.script(orderId, TestProvider.Behaviour.CHARGE_THEN_HANG);

        publish(orderId, placed(orderId, 4_999, Instant.now().plus(Duration.ofMinutes(10))));
        awaitStatus(orderId, "SUCCEEDED");

        assertThat(PROVIDER.chargesFor(orderId)).hasSize(1);
        assertThat(PROVIDER.chargeRequests(orderId)).isEqualTo(2);
        assertThat(attemptOutcomes(orderId)).containsExactly("CHARGE " + orderId + " timeout",
                "CHARGE " + orderId + " succeeded");
        JsonNode event = paymentEvents(orderId, 1).getFirst();
        assertThat(event.get("data").get("chargeId").asString()).isEqualTo(PROVIDER.chargesFor(orderId).getFirst().id());
    }

    @Test
    void aProviderErrorIsReconciledAndChargedUnderTheNextKeyOnce() throws Exception {
        String orderId = UUID.randomUUID().toString();
        PROVIDER.script(orderId, TestProvider.Behaviour.ERROR_500);

        publish(orderId, placed(orderId, 4_999, Instant.now().plus(Duration.ofMinutes(10))));
        awaitStatus(orderId, "SUCCEEDED");

        List<TestProvider.Charge> charges = PROVIDER.chargesFor(orderId);
        assertThat(charges).hasSize(1);
        assertThat(charges.getFirst().idempotencyKey()).isEqualTo(orderId + ":2");
        assertThat(attemptOutcomes(orderId)).containsExactly("CHARGE " + orderId + " provider_error",
                "LOOKUP - no_charge", "CHARGE " + orderId + ":2 succeeded");
        assertThat(adminView(orderId).get("idempotencyKey").asString()).isEqualTo(orderId + ":2");
    }
}

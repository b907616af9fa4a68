package io.shopscale.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.contracts.events.EventType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A charge that nobody will pay for is refunded, and a charge whose answer died with its worker is found before the
 * payment is given up. A worker killed mid-charge is played by the state it leaves in the database (claimed, charge
 * written ahead, lease run out) and a charge the provider made under the order's key without answering anyone.
 */
class RefundSystemTests extends PaymentSystemTestSupport {

    private static final String CANCELLED = EventType.ORDER_CANCELLED.type();

    @Test
    void aChargeLostWithItsWorkerIsFoundAndRefundedWhenTheOrderIsCancelled() throws Exception {
        String orderId = UUID.randomUUID().toString();
        TestProvider.Charge lost = PROVIDER.chargeAnsweredToNobody(orderId, orderId, 2_599, "USD", "user-" + orderId);
        // The lease has run out; the next claim is held back until orders' expiry cancellation has come in.
        Instant now = Instant.now();
        leftByADeadWorker(orderId, now.plus(Duration.ofMinutes(10)), now.minusSeconds(1),
                now.plus(Duration.ofHours(1)));
        double marked = count("payment.order.events", "type", CANCELLED, "result", "marked");

        publish(orderId, cancelled(orderId));

        await().atMost(PATIENCE).until(() -> column(orderId, "order_cancelled", Boolean.class));
        assertThat(status(orderId)).as("a charge may have been made: it is looked up, not cancelled")
                .isEqualTo("PENDING");
        assertThat(count("payment.order.events", "type", CANCELLED, "result", "marked") - marked).isEqualTo(1);

        dueNow(orderId);

        awaitStatus(orderId, "REFUNDED");
        assertThat(PROVIDER.standingCharges(orderId)).isEmpty();
        List<TestProvider.Charge> charges = PROVIDER.chargesFor(orderId);
        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.id()).isEqualTo(lost.id());
            assertThat(charge.status()).isEqualTo("refunded");
        });
        assertThat(attemptOutcomes(orderId)).containsExactly("LOOKUP - charge_found",
                "REFUND refund:" + orderId + " refunded");
        JsonNode payment = adminView(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(payment.get("chargeId").asString()).isEqualTo(lost.id());
        assertThat(payment.get("refundId").asString()).isEqualTo(charges.getFirst().refundId());
        assertThat(payment.get("orderCancelled").asBoolean()).isTrue();
        assertThat(publishedPaymentEvents(orderId)).as("orders has cancelled the order; there is nothing to tell it")
                .isEmpty();
    }

    @Test
    void aChargeLostWithItsWorkerIsFoundAndAdoptedPastTheDeadline() {
        String orderId = UUID.randomUUID().toString();
        TestProvider.Charge lost = PROVIDER.chargeAnsweredToNobody(orderId, orderId, 2_599, "USD", "user-" + orderId);
        Instant now = Instant.now();
        leftByADeadWorker(orderId, now.minusSeconds(5), now.minusSeconds(1), now.minusSeconds(1));

        JsonNode event = paymentEvents(orderId, 1).getFirst();

        assertThat(event.get("type").asString()).isEqualTo("shopscale.payment.succeeded.v1");
        assertThat(event.get("data").get("chargeId").asString()).isEqualTo(lost.id());
        assertThat(status(orderId)).isEqualTo("SUCCEEDED");
        assertThat(attemptOutcomes(orderId)).containsExactly("LOOKUP - charge_found");
        assertThat(PROVIDER.chargeRequests(orderId)).as("only the dead worker's").isEqualTo(1);
        assertThat(PROVIDER.standingCharges(orderId)).hasSize(1);
    }

    @Test
    void aSucceededPaymentWhoseOrderIsCancelledIsRefundedOnceHoweverOftenTheCancellationArrives() throws Exception {
        String orderId = placeOrder();
        awaitStatus(orderId, "SUCCEEDED");
        String cancellation = cancelled(orderId);
        double duplicates = count("payment.order.events", "type", CANCELLED, "result", "duplicate");
        double settled = count("payment.order.events", "type", CANCELLED, "result", "settled");

        publish(orderId, cancellation);
        publish(orderId, cancellation);
        awaitStatus(orderId, "REFUNDED");
        publish(orderId, cancelled(orderId));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("payment.order.events", "type", CANCELLED, "result", "duplicate") - duplicates)
                    .isEqualTo(1);
            assertThat(count("payment.order.events", "type", CANCELLED, "result", "settled") - settled)
                    .isEqualTo(1);
        });
        assertThat(status(orderId)).isEqualTo("REFUNDED");
        assertThat(PROVIDER.refundRequests(orderId)).isEqualTo(1);
        assertThat(PROVIDER.standingCharges(orderId)).isEmpty();
        TestProvider.Charge charge = PROVIDER.chargesFor(orderId).getFirst();
        assertThat(attemptOutcomes(orderId)).containsExactly("CHARGE " + orderId + " succeeded",
                "REFUND refund:" + orderId + " refunded");
        JsonNode payment = adminView(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(payment.get("chargeId").asString()).isEqualTo(charge.id());
        assertThat(payment.get("refundId").asString()).isEqualTo(charge.refundId());
        JsonNode refund = payment.get("attempts").get(1);
        assertThat(refund.get("operation").asString()).isEqualTo("REFUND");
        assertThat(refund.get("idempotencyKey").asString()).isEqualTo("refund:" + orderId);
        assertThat(refund.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(publishedPaymentEvents(orderId)).extracting(event -> event.get("type").asString())
                .containsExactly("shopscale.payment.succeeded.v1");
        assertThat(get("/actuator/prometheus").body()).contains("payment_refunds_total{")
                .contains("outcome=\"refunded\"").contains("payment_refunding ");
    }

    @Test
    void aRefundWhileTheProviderIsDownIsAskedAgainPastTheDeadlineUntilItIsBack() throws Exception {
        Instant deadline = Instant.now().plusSeconds(3);
        String orderId = placeOrder(1_999, deadline);
        awaitStatus(orderId, "SUCCEEDED");
        PROVIDER.down();

        publish(orderId, cancelled(orderId));

        await().atMost(PATIENCE).until(() -> refundsAskedAfter(orderId, deadline) >= 2);
        assertThat(status(orderId)).isEqualTo("REFUNDING");
        assertThat(adminView(orderId).get("status").asString()).isEqualTo("REFUNDING");
        assertThat(attemptOutcomes(orderId)).filteredOn(outcome -> outcome.startsWith("REFUND "))
                .allSatisfy(outcome -> assertThat(outcome).matches(".* (connection_refused|circuit_open)"));

        PROVIDER.up();

        awaitStatus(orderId, "REFUNDED");
        assertThat(PROVIDER.standingCharges(orderId)).isEmpty();
        assertThat(PROVIDER.chargesFor(orderId)).hasSize(1);
        assertThat(attemptOutcomes(orderId)).last().isEqualTo("REFUND refund:" + orderId + " refunded");
    }

    @Test
    void aChargeThatGoesThroughAfterItsOrderWasCancelledIsRefundedAndNotAnnounced() {
        String orderId = UUID.randomUUID().toString();
        PROVIDER.script(orderId, TestProvider.Behaviour.HOLD);
        publish(orderId, placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(PATIENCE).until(() -> PROVIDER.holding(orderId));
        publish(orderId, cancelled(orderId));
        await().atMost(PATIENCE).until(() -> column(orderId, "order_cancelled", Boolean.class));

        PROVIDER.release(orderId, TestProvider.Behaviour.SUCCEED);

        awaitStatus(orderId, "REFUNDED");
        assertThat(PROVIDER.chargesFor(orderId)).hasSize(1);
        assertThat(PROVIDER.standingCharges(orderId)).isEmpty();
        assertThat(publishedPaymentEvents(orderId)).isEmpty();
    }

    @Test
    void anOrderChargedTwiceKeepsTheChargeItsPaymentRecordsAndTheOtherIsRefundedOnce() throws Exception {
        String orderId = UUID.randomUUID().toString();
        // Two charges for the order under keys of its own payment's making, their answers lost to everyone; then the
        // payment's first charge request fails with a 500, so it looks the order up and finds both.
        PROVIDER.chargeAnsweredToNobody(orderId + ":8", orderId, 1_299, "USD", "user-" + orderId);
        PROVIDER.chargeAnsweredToNobody(orderId + ":9", orderId, 1_299, "USD", "user-" + orderId);
        PROVIDER.script(orderId, TestProvider.Behaviour.ERROR_500);
        double duplicates = count("payment.charges.duplicate");

        publish(orderId, placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10))));

        awaitStatus(orderId, "SUCCEEDED");
        await().atMost(PATIENCE).until(() -> PROVIDER.standingCharges(orderId).size() == 1);
        String recorded = column(orderId, "charge_id", String.class);
        assertThat(PROVIDER.standingCharges(orderId)).extracting(TestProvider.Charge::id).containsExactly(recorded);
        TestProvider.Charge extra = PROVIDER.chargesFor(orderId).stream()
                .filter(charge -> !charge.id().equals(recorded))
                .findFirst()
                .orElseThrow();
        await().atMost(PATIENCE).until(() -> extraChargeRefund(extra.id()) != null);
        assertThat(extraChargeRefund(extra.id())).isEqualTo(PROVIDER.chargesFor(orderId).stream()
                .filter(charge -> charge.id().equals(extra.id()))
                .findFirst()
                .orElseThrow()
                .refundId());
        assertThat(count("payment.charges.duplicate") - duplicates).isEqualTo(1);
        assertThat(publishedPaymentEvents(orderId)).extracting(event -> event.get("type").asString())
                .containsExactly("shopscale.payment.succeeded.v1");
        assertThat(get("/actuator/prometheus").body()).contains("payment_refunds_extra_total{")
                .contains("payment_charges_owed{");
    }

    /**
     * The payment as a worker leaves it when it dies during its charge call: claimed (lease token, lease end), the
     * charge written ahead, and nothing stored of the call.
     */
    private void leftByADeadWorker(String orderId, Instant deadline, Instant leasedUntil, Instant nextAttemptAt) {
        Instant claimedAt = leasedUntil.minus(Duration.ofSeconds(30));
        jdbc.sql("""
                INSERT INTO payment (id, order_id, customer, amount, currency, payment_deadline, created_at, status,
                                     charge_started_at, next_attempt_at, updated_at, lease_token, leased_until)
                VALUES (:id, :order, :customer, 2599, 'USD', :deadline, :created, 'PENDING', :claimed, :next, :claimed,
                        :lease, :until)""")
                .param("id", UUID.randomUUID())
                .param("order", UUID.fromString(orderId))
                .param("customer", "user-" + orderId)
                .param("deadline", Timestamp.from(deadline))
                .param("created", Timestamp.from(claimedAt.minusSeconds(1)))
                .param("claimed", Timestamp.from(claimedAt))
                .param("next", Timestamp.from(nextAttemptAt))
                .param("lease", UUID.randomUUID())
                .param("until", Timestamp.from(leasedUntil))
                .update();
    }

    private void dueNow(String orderId) {
        jdbc.sql("UPDATE payment SET next_attempt_at = now() WHERE order_id = :order")
                .param("order", UUID.fromString(orderId))
                .update();
    }

    private <T> T column(String orderId, String column, Class<T> type) {
        return jdbc.sql("SELECT " + column + " FROM payment WHERE order_id = :order")
                .param("order", UUID.fromString(orderId))
                .query(type)
                .single();
    }

    private long refundsAskedAfter(String orderId, Instant instant) {
        return jdbc.sql("""
                        SELECT count(*) FROM payment_attempt a JOIN payment p ON p.id = a.payment_id
                        WHERE p.order_id = :order AND a.operation = 'REFUND' AND a.attempted_at > :after""")
                .param("order", UUID.fromString(orderId))
                .param("after", Timestamp.from(instant))
                .query(Long.class)
                .single();
    }

    private String extraChargeRefund(String chargeId) {
        return jdbc.sql("SELECT refund_id FROM extra_charge WHERE charge_id = :charge")
                .param("charge", chargeId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}

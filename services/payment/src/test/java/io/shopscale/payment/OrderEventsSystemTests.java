package io.shopscale.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.payment.charging.PaymentIntake;
import io.shopscale.payment.domain.PaymentTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Order events in: applied once however often they arrive; a cancelled order is never charged; poison is parked. */
class OrderEventsSystemTests extends PaymentSystemTestSupport {

    @Autowired
    PaymentIntake intake;

    @Autowired
    PlatformTransactionManager transactionManager;

    private static final String PLACED = EventType.ORDER_PLACED.type();
    private static final String CANCELLED = EventType.ORDER_CANCELLED.type();

    @Test
    void redeliveredOrderEventsMakeNoSecondPaymentAndNoSecondCharge() {
        String orderId = UUID.randomUUID().toString();
        String placed = placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10)));
        String placedAgain = placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10)));
        String cancelled = cancelled(orderId);
        double duplicates = count("payment.order.events", "type", PLACED, "result", "duplicate")
                + count("payment.order.events", "type", CANCELLED, "result", "duplicate");
        double known = count("payment.order.events", "type", PLACED, "result", "known");

        publish(orderId, placed);
        publish(orderId, placed);
        publish(orderId, placedAgain);
        awaitStatus(orderId, "SUCCEEDED");
        publish(orderId, cancelled);
        publish(orderId, cancelled);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("payment.order.events", "type", PLACED, "result", "duplicate")
                    + count("payment.order.events", "type", CANCELLED, "result", "duplicate") - duplicates)
                    .isEqualTo(2);
            assertThat(count("payment.order.events", "type", PLACED, "result", "known") - known).isEqualTo(1);
        });
        // The cancellation of the paid order has its charge refunded, once.
        awaitStatus(orderId, "REFUNDED");
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :order")
                .param("order", UUID.fromString(orderId)).query(Long.class).single()).isEqualTo(1);
        assertThat(PROVIDER.chargeRequests(orderId)).isEqualTo(1);
        assertThat(PROVIDER.chargesFor(orderId)).hasSize(1);
        assertThat(PROVIDER.refundRequests(orderId)).isEqualTo(1);
    }

    @Test
    void aPlacementAndACancellationTakenInAtTheSameMomentNeverLeaveAPaymentToCharge() throws Exception {
        UUID orderId = UUID.randomUUID();
        PaymentTerms terms = new PaymentTerms(orderId, "user-1", 1_299, "USD",
                Instant.now().plus(Duration.ofMinutes(10)));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch placementTakenIn = new CountDownLatch(1);
        CountDownLatch commitPlacement = new CountDownLatch(1);

        try (ExecutorService consumers = Executors.newFixedThreadPool(2)) {
            Future<?> placement = consumers.submit(() -> transaction.executeWithoutResult(status -> {
                intake.requested(terms);
                placementTakenIn.countDown();
                awaitQuietly(commitPlacement);
            }));
            assertThat(placementTakenIn.await(30, TimeUnit.SECONDS)).isTrue();
            Future<PaymentIntake.Result> cancellation = consumers.submit(() -> transaction.execute(status ->
                    intake.orderCancelled(orderId, "EXPIRED")));
            // The cancellation waits for the placement of the same order rather than missing it.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> !cancellation.isDone());
            commitPlacement.countDown();
            placement.get(30, TimeUnit.SECONDS);

            assertThat(cancellation.get(30, TimeUnit.SECONDS)).isNotEqualTo(PaymentIntake.Result.NOT_YET_KNOWN);
        }
        assertThat(jdbc.sql("SELECT order_cancelled FROM payment WHERE order_id = :order").param("order", orderId)
                .query(Boolean.class).single()).isTrue();
        await().atMost(PATIENCE).until(() -> List.of("CANCELLED", "REFUNDED").contains(status(orderId.toString())));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anOrderCancelledBeforeItsPaymentIsRecordedIsNeverCharged() {
        String orderId = UUID.randomUUID().toString();

        publish(orderId, cancelled(orderId));
        publish(orderId, placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10))));

        awaitStatus(orderId, "CANCELLED");
        assertThat(attemptOutcomes(orderId)).isEmpty();
        assertThat(PROVIDER.chargeRequests(orderId)).isZero();
    }

    @Test
    void anOrderCancelledDuringItsChargeIsNeverChargedAgain() {
        String orderId = UUID.randomUUID().toString();
        PROVIDER.script(orderId, TestProvider.Behaviour.HOLD);

        publish(orderId, placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(PATIENCE).until(() -> PROVIDER.holding(orderId));
        assertThat(jdbc.sql("SELECT charge_started_at IS NOT NULL FROM payment WHERE order_id = :order")
                .param("order", UUID.fromString(orderId)).query(Boolean.class).single())
                .as("the claim wrote down that a charge may be under way before it was asked for").isTrue();
        publish(orderId, cancelled(orderId));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT order_cancelled FROM payment WHERE order_id = :order")
                .param("order", UUID.fromString(orderId)).query(Boolean.class).single());
        assertThat(status(orderId)).as("the charge in flight is settled first").isEqualTo("PENDING");

        PROVIDER.release(orderId, TestProvider.Behaviour.ERROR_500);

        awaitStatus(orderId, "CANCELLED");
        assertThat(PROVIDER.chargesFor(orderId)).isEmpty();
        // Normally the held call's 500 is its only attempt; on a slow machine its time may run out first and it is
        // asked again under the same key. Never under a new one: the order was cancelled.
        assertThat(attemptOutcomes(orderId)).first().asString().startsWith("CHARGE " + orderId + " ");
        assertThat(attemptOutcomes(orderId)).noneMatch(outcome -> outcome.startsWith("CHARGE " + orderId + ":"));
    }

    @Test
    void poisonIsParkedOnTheDeadLetterTopicAndCounted() {
        String orderId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        String garbage = "this is not json {" + marker;
        String badCurrency = envelope(EventType.ORDER_PLACED, marker, new OrderEvents.OrderPlaced(
                UUID.randomUUID().toString(), marker, List.of(new OrderEvents.Line("HKT-00001", 1, 100)), 100,
                "dollars", Instant.now(), Instant.now().plusSeconds(600)));
        double parked = count("payment.order.events.dead-lettered");

        publish(orderId, garbage);
        publish(orderId, badCurrency);
        publish(orderId, placed(orderId, 1_299, Instant.now().plus(Duration.ofMinutes(10))));

        awaitStatus(orderId, "SUCCEEDED");
        List<ConsumerRecord<String, String>> deadLetters =
                read("shopscale.orders.payment.DLT", value -> value.contains(marker), null, 2);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(garbage, badCurrency);
        assertThat(count("payment.order.events.dead-lettered") - parked).isEqualTo(2);
    }
}

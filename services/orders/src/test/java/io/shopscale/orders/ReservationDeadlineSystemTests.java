package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.JsonNode;

/**
 * The order and the stock it holds stay in step when a checkout is retried or its commit goes unanswered: the
 * order's payment deadline never outlives its reservation, and stock is never given back for an order that exists.
 */
class ReservationDeadlineSystemTests extends SystemTestSupport {

    /** Inventory's reservation time to live less orders' payment timeout, as configured by default. */
    private static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(5);

    @Autowired
    PlatformTransactionManager transactions;

    private TransactionExecutionListener lostAcknowledgement;

    @AfterEach
    void acknowledgeCommitsAgain() {
        if (lostAcknowledgement != null) {
            ((ConfigurableTransactionManager) transactions).getTransactionExecutionListeners()
                    .remove(lostAcknowledgement);
        }
    }

    @Test
    void aRetryThatReusesAnOlderReservationGetsADeadlineWithinIt() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        String reservedUnder = reservedWithoutAnAnswer(user, key);
        collaborators.inventory.age(reservedUnder, Duration.ofMinutes(3));

        HttpResponse<String> retried = checkout(user, key, items("HKT-00001", "1"));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        String orderId = json.readTree(retried.body()).get("orderId").asString();
        assertThat(orderId).isEqualTo(reservedUnder);
        Instant expiresAt = collaborators.inventory.expiresAt(orderId);
        Instant deadline = deadlineOf(user, orderId);
        assertThat(deadline).isBeforeOrEqualTo(expiresAt.minus(CONFIRMATION_WINDOW));
        assertThat(deadline).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aReservationTooOldToCarryAnOrderIsGivenBackAndTakenAfresh() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        String reservedUnder = reservedWithoutAnAnswer(user, key);
        collaborators.inventory.age(reservedUnder, Duration.ofMinutes(7));

        HttpResponse<String> retried = checkout(user, key, items("HKT-00001", "1"));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        String orderId = json.readTree(retried.body()).get("orderId").asString();
        assertThat(orderId).isNotEqualTo(reservedUnder);
        assertThat(collaborators.inventory.holdsReservation(reservedUnder)).isFalse();
        assertThat(collaborators.inventory.holdsReservation(orderId)).isTrue();
        assertThat(deadlineOf(user, orderId))
                .isBeforeOrEqualTo(collaborators.inventory.expiresAt(orderId).minus(CONFIRMATION_WINDOW))
                .isAfter(Instant.now().plus(Duration.ofMinutes(9)));
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostKeepsTheStockOfTheStoredOrder() throws Exception {
        String user = newUser();
        lostAcknowledgement = new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
                if (commitFailure == null && transaction.getTransactionName().endsWith("OrderPlacement.save")) {
                    throw new TransactionSystemException("connection reset while reading the commit's answer");
                }
            }
        };
        ((ConfigurableTransactionManager) transactions).addListener(lostAcknowledgement);

        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(), items("LGT-00002", "1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String orderId = json.readTree(response.body()).get("orderId").asString();
        assertThat(collaborators.inventory.holdsReservation(orderId)).isTrue();
        assertThat(getJson(user, "/api/orders/" + orderId).get("status").asString()).isEqualTo("PENDING_PAYMENT");
    }

    /** A first attempt whose reservation is made but whose answer is lost: 503, and the stock stays held. */
    private String reservedWithoutAnAnswer(String user, String key) throws Exception {
        int before = collaborators.inventory.reservedOrderIds().size();
        collaborators.inventory.mode(FakeInventory.Mode.ANSWER_LOST);
        HttpResponse<String> first = checkout(user, key, items("HKT-00001", "1"));
        collaborators.inventory.mode(FakeInventory.Mode.NORMAL);
        assertProblem(first, 503);
        assertThat(collaborators.inventory.reservedOrderIds()).hasSize(before + 1);
        return collaborators.inventory.reservedOrderIds().getLast();
    }

    private Instant deadlineOf(String user, String orderId) throws Exception {
        JsonNode order = getJson(user, "/api/orders/" + orderId);
        return Instant.parse(order.get("paymentDeadline").asString());
    }
}

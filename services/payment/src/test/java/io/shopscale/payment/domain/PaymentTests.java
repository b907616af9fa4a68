package io.shopscale.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofMinutes(10));
    private static final Schedule SCHEDULE = new Schedule(retries -> Duration.ofSeconds(1L << (retries - 1)),
            Duration.ofSeconds(30));

    private final UUID orderId = UUID.randomUUID();

    private Payment pending() {
        return Payment.request(PaymentId.random(), new PaymentTerms(orderId, "user-1", 2_599, "USD", DEADLINE), NOW);
    }

    @Test
    void aNewPaymentIsDueAtOnceUnderTheOrderIdAsKey() {
        Payment payment = pending();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.nextAttemptAt()).isEqualTo(NOW);
        assertThat(payment.nextStep(NOW, SCHEDULE)).isEqualTo(Step.CHARGE);
        assertThat(payment.chargeRequest().idempotencyKey()).isEqualTo(orderId.toString());
        assertThat(payment.chargeRequest().amount()).isEqualTo(2_599);
        assertThat(payment.chargeRequest().notAfter()).isEqualTo(DEADLINE);
    }

    @Test
    void aChargeSucceedsOnceAndTheSameChargeAgainChangesNothing() {
        Payment payment = pending();

        assertThat(payment.charged(new ChargeOutcome.Charged("ch_1"), NOW, SCHEDULE))
                .isEqualTo(new Transition.Succeeded("ch_1"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.chargeId()).isEqualTo("ch_1");
        assertThat(payment.adoptCharge("ch_1", NOW)).isEqualTo(new Transition.AlreadyRecorded());
        assertThat(payment.adoptCharge("ch_2", NOW)).isEqualTo(new Transition.SecondCharge("ch_2", "ch_1"));
        assertThat(payment.chargeId()).isEqualTo("ch_1");
        assertThatThrownBy(() -> payment.nextStep(NOW, SCHEDULE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declinedAndRejectedChargesFailWithTheProvidersCode() {
        Payment declined = pending();
        Payment rejected = pending();

        assertThat(declined.charged(new ChargeOutcome.Declined("insufficient_funds"), NOW, SCHEDULE))
                .isEqualTo(new Transition.Failed(FailureReason.PAYMENT_DECLINED, "insufficient_funds"));
        assertThat(rejected.charged(new ChargeOutcome.Rejected("idempotency_key_reused"), NOW, SCHEDULE))
                .isEqualTo(new Transition.Failed(FailureReason.PAYMENT_DECLINED, "idempotency_key_reused"));
        assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(declined.declineCode()).isEqualTo("insufficient_funds");
    }

    @Test
    void aSpentKeyIsReconciledAndOnlyThenReplacedByTheNextOne() {
        Payment payment = pending();

        Transition later = payment.charged(new ChargeOutcome.KeySpent("500"), NOW, SCHEDULE);

        assertThat(later).isEqualTo(new Transition.RetryLater(NOW.plusSeconds(1)));
        assertThat(payment.nextStep(NOW.plusSeconds(1), SCHEDULE)).isEqualTo(Step.RECONCILE);
        assertThat(payment.idempotencyKey()).isEqualTo(orderId.toString());
        assertThat(payment.reconciled(new Reconciliation.NotCharged(), NOW.plusSeconds(1), SCHEDULE))
                .isEqualTo(new Transition.ChargeNext(orderId + ":2"));
        assertThat(payment.nextStep(NOW.plusSeconds(1), SCHEDULE)).isEqualTo(Step.CHARGE);

        payment.charged(new ChargeOutcome.KeySpent("500"), NOW.plusSeconds(2), SCHEDULE);
        payment.reconciled(new Reconciliation.NotCharged(), NOW.plusSeconds(5), SCHEDULE);
        assertThat(payment.idempotencyKey()).isEqualTo(orderId + ":3");
    }

    @Test
    void aLookupThatFindsAChargeAdoptsItInsteadOfChargingAgain() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.KeySpent("500"), NOW, SCHEDULE);

        Transition found = payment.reconciled(new Reconciliation.Charged(List.of("ch_9")), NOW.plusSeconds(1),
                SCHEDULE);

        assertThat(found).isEqualTo(new Transition.Succeeded("ch_9"));
        assertThat(payment.idempotencyKey()).isEqualTo(orderId.toString());
    }

    @Test
    void anUnansweredChargeIsAskedAgainUnderTheSameKey() {
        Payment payment = pending();

        payment.charged(new ChargeOutcome.Unknown("timeout"), NOW, SCHEDULE);

        assertThat(payment.nextStep(NOW.plusSeconds(1), SCHEDULE)).isEqualTo(Step.CHARGE);
        assertThat(payment.idempotencyKey()).isEqualTo(orderId.toString());
    }

    @Test
    void backoffGrowsAndIsCappedAtTheDeadlineWhenNothingIsInDoubt() {
        Payment payment = pending();

        assertThat(payment.charged(new ChargeOutcome.NotSent("refused"), NOW, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(NOW.plusSeconds(1)));
        assertThat(payment.charged(new ChargeOutcome.NotSent("refused"), NOW, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(NOW.plusSeconds(2)));
        Instant nearDeadline = DEADLINE.minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            payment.charged(new ChargeOutcome.NotSent("refused"), nearDeadline, SCHEDULE);
        }
        assertThat(payment.nextAttemptAt()).isEqualTo(DEADLINE);
    }

    @Test
    void pastTheDeadlineNoChargeStartsAndThePaymentIsUnavailable() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.NotSent("refused"), NOW, SCHEDULE);

        assertThat(payment.nextStep(DEADLINE, SCHEDULE)).isEqualTo(Step.CLOSE);
        assertThat(payment.close(DEADLINE)).isEqualTo(new Transition.Failed(FailureReason.PAYMENT_UNAVAILABLE, null));
        assertThat(payment.failureReason()).isEqualTo(FailureReason.PAYMENT_UNAVAILABLE);
    }

    @Test
    void aChargeInDoubtIsLookedUpAfterItSettledBeforeThePaymentIsGivenUp() {
        Payment payment = pending();
        Instant lost = DEADLINE.minusSeconds(2);
        payment.charged(new ChargeOutcome.Unknown("timeout"), lost, SCHEDULE);

        assertThat(payment.nextStep(DEADLINE, SCHEDULE)).isEqualTo(Step.WAIT);
        assertThatThrownBy(() -> payment.close(DEADLINE)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.waitForProvider(DEADLINE, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(lost.plusSeconds(30)));
        assertThat(payment.nextStep(lost.plusSeconds(30), SCHEDULE)).isEqualTo(Step.RECONCILE);
        assertThat(payment.reconciled(new Reconciliation.Unreachable("down"), lost.plusSeconds(30), SCHEDULE))
                .isInstanceOf(Transition.RetryLater.class);
        assertThat(payment.reconciled(new Reconciliation.NotCharged(), lost.plusSeconds(40), SCHEDULE))
                .isEqualTo(new Transition.Failed(FailureReason.PAYMENT_UNAVAILABLE, null));
    }

    @Test
    void aChargeInDoubtThatWentThroughSucceedsEvenAfterTheDeadline() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.Unknown("timeout"), DEADLINE.minusSeconds(2), SCHEDULE);

        assertThat(payment.reconciled(new Reconciliation.Charged(List.of("ch_late")), DEADLINE.plusSeconds(40),
                SCHEDULE)).isEqualTo(new Transition.Succeeded("ch_late"));
    }

    @Test
    void aCancelledOrderIsNeverChargedAgain() {
        Payment payment = pending();

        assertThat(payment.cancelOrder(NOW, false)).isEqualTo(Cancellation.CANCELLED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.cancelOrder(NOW, false)).isEqualTo(Cancellation.UNCHANGED);
        assertThatThrownBy(() -> payment.nextStep(NOW, SCHEDULE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancellationDuringACallWaitsForItsAnswer() {
        Payment refused = pending();
        Payment spent = pending();
        Payment charged = pending();

        assertThat(refused.cancelOrder(NOW, true)).isEqualTo(Cancellation.MARKED);
        assertThat(spent.cancelOrder(NOW, true)).isEqualTo(Cancellation.MARKED);
        assertThat(charged.cancelOrder(NOW, true)).isEqualTo(Cancellation.MARKED);

        assertThat(refused.charged(new ChargeOutcome.Declined("card_declined"), NOW, SCHEDULE))
                .isEqualTo(new Transition.Cancelled());
        assertThat(spent.charged(new ChargeOutcome.KeySpent("500"), NOW, SCHEDULE))
                .isEqualTo(new Transition.Cancelled());
        assertThat(charged.charged(new ChargeOutcome.Charged("ch_1"), NOW, SCHEDULE))
                .isEqualTo(new Transition.Refunding("ch_1", PaymentStatus.PENDING));
    }

    @Test
    void aCancellationWithAChargeInDoubtLooksItUpFirst() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.Unknown("timeout"), NOW, SCHEDULE);

        assertThat(payment.cancelOrder(NOW.plusSeconds(1), false)).isEqualTo(Cancellation.MARKED);
        assertThat(payment.nextStep(NOW.plusSeconds(30), SCHEDULE)).isEqualTo(Step.RECONCILE);
        assertThat(payment.reconciled(new Reconciliation.NotCharged(), NOW.plusSeconds(30), SCHEDULE))
                .isEqualTo(new Transition.Cancelled());
    }

    @Test
    void aClaimedPaymentMayBeBeingChargedSoACancellationLeavesItToTheWorker() {
        Payment claimed = pending();
        claimed.claim(NOW);

        // Whether or not its worker still lives: the claim wrote down that a charge may be under way.
        assertThat(claimed.cancelOrder(NOW.plusSeconds(1), false)).isEqualTo(Cancellation.MARKED);
        assertThat(claimed.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(claimed.progress().chargeStartedAt()).isEqualTo(NOW);
    }

    @Test
    void aGoThatStoredItsAnswerLeavesNothingInDoubt() {
        Payment refused = pending();
        refused.claim(NOW);
        refused.charged(new ChargeOutcome.NotSent("connection refused"), NOW, SCHEDULE);
        Payment spent = pending();
        spent.claim(NOW);
        spent.charged(new ChargeOutcome.KeySpent("500"), NOW, SCHEDULE);

        assertThat(refused.progress().chargeStartedAt()).isNull();
        assertThat(refused.nextStep(DEADLINE, SCHEDULE)).isEqualTo(Step.CLOSE);
        assertThat(spent.cancelOrder(NOW.plusSeconds(1), false)).isEqualTo(Cancellation.CANCELLED);
    }

    @Test
    void aClaimWhoseWorkerDiedLeavesAChargeInDoubtThatIsLookedUpBeforeThePaymentIsGivenUp() {
        Payment payment = pending();
        payment.claim(NOW);
        // The worker dies with its charge unanswered; once the lease ran out, the payment is claimed again.
        Instant reclaimed = DEADLINE.plusSeconds(5);
        payment.claim(reclaimed);

        assertThat(payment.nextStep(reclaimed, SCHEDULE)).isEqualTo(Step.WAIT);
        assertThatThrownBy(() -> payment.close(reclaimed)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.waitForProvider(reclaimed, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(reclaimed.plusSeconds(30)));
        Instant settled = reclaimed.plusSeconds(30);
        payment.claim(settled);
        assertThat(payment.nextStep(settled, SCHEDULE)).isEqualTo(Step.RECONCILE);
        assertThat(payment.reconciled(new Reconciliation.Charged(List.of("ch_lost")), settled, SCHEDULE))
                .isEqualTo(new Transition.Succeeded("ch_lost"));
        assertThat(payment.progress().chargeStartedAt()).isNull();
    }

    @Test
    void aChargeLeftInDoubtByADeadWorkerStaysInDoubtWhenTheNextCallIsNotSent() {
        Payment payment = pending();
        payment.claim(NOW);
        payment.claim(NOW.plusSeconds(60));

        payment.charged(new ChargeOutcome.NotSent("connection refused"), NOW.plusSeconds(61), SCHEDULE);

        assertThat(payment.nextStep(DEADLINE, SCHEDULE)).as("looked up, not closed").isEqualTo(Step.RECONCILE);
        assertThat(payment.cancelOrder(DEADLINE, false)).isEqualTo(Cancellation.MARKED);
    }

    @Test
    void theChargeUnderTheNextKeyIsWrittenAheadWithTheLookupThatAllowsIt() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.KeySpent("500"), NOW, SCHEDULE);
        payment.claim(NOW.plusSeconds(1));

        payment.reconciled(new Reconciliation.NotCharged(), NOW.plusSeconds(2), SCHEDULE);

        assertThat(payment.progress().chargeStartedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(payment.cancelOrder(NOW.plusSeconds(3), false)).isEqualTo(Cancellation.MARKED);
    }

    @Test
    void aChargeInDoubtFoundAfterTheOrderWasCancelledIsRefundedNotAnnounced() {
        Payment payment = pending();
        payment.claim(NOW);
        payment.claim(NOW.plusSeconds(60));
        payment.charged(new ChargeOutcome.Unknown("timeout"), NOW.plusSeconds(61), SCHEDULE);
        assertThat(payment.cancelOrder(NOW.plusSeconds(62), false)).isEqualTo(Cancellation.MARKED);

        assertThat(payment.nextStep(NOW.plusSeconds(62), SCHEDULE)).isEqualTo(Step.WAIT);
        Instant settled = NOW.plusSeconds(91);
        assertThat(payment.nextStep(settled, SCHEDULE)).isEqualTo(Step.RECONCILE);
        Transition found = payment.reconciled(new Reconciliation.Charged(List.of("ch_1")), settled, SCHEDULE);

        assertThat(found).isEqualTo(new Transition.Refunding("ch_1", PaymentStatus.PENDING));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(payment.chargeId()).isEqualTo("ch_1");
        assertThat(payment.nextAttemptAt()).isEqualTo(settled);
        assertThat(payment.nextStep(settled, SCHEDULE)).isEqualTo(Step.REFUND);
        assertThat(payment.refundRequest())
                .isEqualTo(new RefundRequest(payment.id(), orderId, "ch_1", "refund:" + orderId));
    }

    @Test
    void aSucceededPaymentWhoseOrderIsCancelledIsRefundedOnce() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.Charged("ch_1"), NOW, SCHEDULE);

        assertThat(payment.cancelOrder(NOW.plusSeconds(1), false)).isEqualTo(Cancellation.REFUNDING);
        assertThat(payment.cancelOrder(NOW.plusSeconds(2), false)).isEqualTo(Cancellation.UNCHANGED);
        assertThat(payment.nextStep(NOW.plusSeconds(2), SCHEDULE)).isEqualTo(Step.REFUND);
        assertThat(payment.refunded(new RefundOutcome.Refunded("re_1"), NOW.plusSeconds(3), SCHEDULE))
                .isEqualTo(new Transition.Refunded("re_1"));

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refundId()).isEqualTo("re_1");
        assertThat(payment.chargeId()).isEqualTo("ch_1");
        assertThat(payment.cancelOrder(NOW.plusSeconds(4), false)).isEqualTo(Cancellation.UNCHANGED);
        assertThat(payment.adoptCharge("ch_1", NOW.plusSeconds(4))).isEqualTo(new Transition.AlreadyRecorded());
        assertThatThrownBy(() -> payment.nextStep(NOW.plusSeconds(4), SCHEDULE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.refunded(new RefundOutcome.Refunded("re_2"), NOW, SCHEDULE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefundThatIsNotConfirmedIsAskedAgainWithGrowingPausesAndNoDeadline() {
        Payment payment = pending();
        payment.charged(new ChargeOutcome.Charged("ch_1"), NOW, SCHEDULE);
        payment.cancelOrder(NOW, false);
        Instant late = DEADLINE.plus(Duration.ofHours(1));

        assertThat(payment.refunded(new RefundOutcome.Unconfirmed("connection refused"), late, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(late.plusSeconds(1)));
        assertThat(payment.refunded(new RefundOutcome.Refused("not-found"), late, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(late.plusSeconds(2)));
        assertThat(payment.refunded(new RefundOutcome.Unconfirmed("timeout"), late, SCHEDULE))
                .isEqualTo(new Transition.RetryLater(late.plusSeconds(4)));

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(payment.nextStep(late.plusSeconds(4), SCHEDULE)).isEqualTo(Step.REFUND);
        assertThat(payment.refunded(new RefundOutcome.Refunded("re_1"), late.plusSeconds(4), SCHEDULE))
                .isEqualTo(new Transition.Refunded("re_1"));
    }

    @Test
    void aChargeThatSurfacesAfterThePaymentWasGivenUpIsRecordedAndRefunded() {
        Payment failed = pending();
        failed.close(DEADLINE);
        Payment cancelled = pending();
        cancelled.cancelOrder(NOW, false);

        assertThat(failed.adoptCharge("ch_late", DEADLINE.plusSeconds(1)))
                .isEqualTo(new Transition.Refunding("ch_late", PaymentStatus.FAILED));
        assertThat(cancelled.adoptCharge("ch_late", NOW.plusSeconds(1)))
                .isEqualTo(new Transition.Refunding("ch_late", PaymentStatus.CANCELLED));
        assertThat(failed.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(failed.chargeId()).isEqualTo("ch_late");
        assertThat(failed.failureReason()).isNull();
        assertThat(failed.adoptCharge("ch_other", DEADLINE.plusSeconds(2)))
                .isEqualTo(new Transition.SecondCharge("ch_other", "ch_late"));
    }

    @Test
    void termsAreValidated() {
        assertThatThrownBy(() -> new PaymentTerms(orderId, " ", 1, "USD", DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(orderId, "u", -1, "USD", DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(orderId, "u", 1, "usd", DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

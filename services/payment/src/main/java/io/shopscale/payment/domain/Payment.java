package io.shopscale.payment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The payment of one order. It waits ({@code PENDING}) until the provider charged it, refused it, or it can no
 * longer be charged (deadline passed, order cancelled). The rules that keep money safe live here:
 * <ul>
 * <li>a charge the provider made is always recorded, whatever the payment's state;</li>
 * <li>no charge starts once the deadline has passed or the order was cancelled;</li>
 * <li>a payment whose last charge may have gone through unanswered is only given up after a lookup showed none;</li>
 * <li>a new Idempotency-Key is only taken after a lookup showed no charge under the old ones.</li>
 * </ul>
 */
public final class Payment {

    private final PaymentId id;
    private final PaymentTerms terms;
    private final Instant createdAt;
    private PaymentStatus status;
    private int keyGeneration;
    private boolean reconciliationNeeded;
    private Instant chargeUncertainSince;
    private boolean orderCancelled;
    private int retries;
    private Instant nextAttemptAt;
    private String chargeId;
    private FailureReason failureReason;
    private String declineCode;
    private Instant updatedAt;

    private Payment(PaymentId id, PaymentTerms terms, Instant createdAt, Progress progress) {
        this.id = Objects.requireNonNull(id, "id");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = progress.status();
        this.keyGeneration = progress.keyGeneration();
        this.reconciliationNeeded = progress.reconciliationNeeded();
        this.chargeUncertainSince = progress.chargeUncertainSince();
        this.orderCancelled = progress.orderCancelled();
        this.retries = progress.retries();
        this.nextAttemptAt = progress.nextAttemptAt();
        this.chargeId = progress.chargeId();
        this.failureReason = progress.failureReason();
        this.declineCode = progress.declineCode();
        this.updatedAt = progress.updatedAt();
    }

    /** A new payment, due at once. */
    public static Payment request(PaymentId id, PaymentTerms terms, Instant now) {
        return new Payment(id, terms, now,
                new Progress(PaymentStatus.PENDING, 1, false, null, false, 0, now, null, null, null, now));
    }

    /** A payment as it was stored. */
    public static Payment restore(PaymentId id, PaymentTerms terms, Instant createdAt, Progress progress) {
        return new Payment(id, terms, createdAt, progress);
    }

    /** The Idempotency-Key of the current generation: the order id, then {@code <order id>:2}, {@code :3}... */
    public String idempotencyKey() {
        return keyGeneration == 1 ? terms.orderId().toString() : terms.orderId() + ":" + keyGeneration;
    }

    public ChargeRequest chargeRequest() {
        return new ChargeRequest(id, terms.orderId(), idempotencyKey(), terms.amount(), terms.currency(),
                terms.customer(), terms.paymentDeadline());
    }

    /** Charging is closed once the order is cancelled or its deadline has come. */
    public boolean chargingClosed(Instant now) {
        return orderCancelled || !now.isBefore(terms.paymentDeadline());
    }

    public Step nextStep(Instant now, Schedule schedule) {
        requirePending();
        if (chargingClosed(now)) {
            if (chargeUncertainSince == null) {
                return Step.CLOSE;
            }
            return now.isBefore(settledAt(schedule)) ? Step.WAIT : Step.RECONCILE;
        }
        return reconciliationNeeded ? Step.RECONCILE : Step.CHARGE;
    }

    /** Gives up without calling the provider: cancelled if the order was, otherwise unavailable. */
    public Transition close(Instant now) {
        requirePending();
        if (!chargingClosed(now) || chargeUncertainSince != null) {
            throw new IllegalStateException("Payment " + id + " may still be charged or may have been.");
        }
        return giveUp(now);
    }

    /** Charging is closed but a charge may still be in progress: looks it up once it has had time to settle. */
    public Transition waitForProvider(Instant now, Schedule schedule) {
        requirePending();
        if (chargeUncertainSince == null) {
            throw new IllegalStateException("Payment " + id + " has no charge in doubt to wait for.");
        }
        nextAttemptAt = settledAt(schedule);
        updatedAt = now;
        return new Transition.RetryLater(nextAttemptAt);
    }

    /** Applies what one charge request came to. A charge is recorded even if the payment is no longer pending. */
    public Transition charged(ChargeOutcome outcome, Instant now, Schedule schedule) {
        if (outcome instanceof ChargeOutcome.Charged charged) {
            return adoptCharge(charged.chargeId(), now);
        }
        requirePending();
        return switch (outcome) {
            case ChargeOutcome.Declined declined -> refused(declined.code(), now);
            case ChargeOutcome.Rejected rejected -> refused(rejected.code(), now);
            case ChargeOutcome.KeySpent ignored -> {
                // A 500 under this key means no charge under it; the key is used up.
                chargeUncertainSince = null;
                reconciliationNeeded = true;
                yield noCharge(now, schedule);
            }
            case ChargeOutcome.Unknown ignored -> {
                chargeUncertainSince = now;
                yield retryLater(now, schedule);
            }
            case ChargeOutcome.NotSent ignored -> noCharge(now, schedule);
            case ChargeOutcome.Charged ignored -> throw new IllegalStateException("handled above");
        };
    }

    /** Applies what the provider's list of the order's charges said. */
    public Transition reconciled(Reconciliation found, Instant now, Schedule schedule) {
        if (found instanceof Reconciliation.Charged charged) {
            return adoptCharge(charged.first(), now);
        }
        requirePending();
        if (found instanceof Reconciliation.Unreachable) {
            return retryLater(now, schedule);
        }
        chargeUncertainSince = null;
        if (chargingClosed(now)) {
            return giveUp(now);
        }
        if (reconciliationNeeded) {
            keyGeneration++;
            reconciliationNeeded = false;
        }
        updatedAt = now;
        return new Transition.ChargeNext(idempotencyKey());
    }

    /**
     * Records a charge the provider made. It wins over any other state: the money was taken. If the payment had
     * been given up meanwhile, the caller learns it from {@link Transition.Succeeded#previous()}.
     */
    public Transition adoptCharge(String charge, Instant now) {
        Objects.requireNonNull(charge, "charge");
        if (status == PaymentStatus.SUCCEEDED) {
            return charge.equals(chargeId) ? new Transition.AlreadyRecorded()
                    : new Transition.SecondCharge(charge, chargeId);
        }
        PaymentStatus previous = status;
        status = PaymentStatus.SUCCEEDED;
        chargeId = charge;
        failureReason = null;
        declineCode = null;
        chargeUncertainSince = null;
        reconciliationNeeded = false;
        updatedAt = now;
        return new Transition.Succeeded(charge, previous);
    }

    /**
     * The order was cancelled: no charge may start any more. Cancelled at once unless a charge is in flight or may
     * have gone through unanswered; then the worker settles it once it knows.
     *
     * @return whether the payment is now cancelled
     */
    public boolean cancelOrder(Instant now, boolean chargeInFlight) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        orderCancelled = true;
        updatedAt = now;
        if (chargeInFlight || chargeUncertainSince != null) {
            return false;
        }
        status = PaymentStatus.CANCELLED;
        return true;
    }

    private Transition refused(String code, Instant now) {
        if (orderCancelled) {
            return cancel(now);
        }
        return fail(FailureReason.PAYMENT_DECLINED, code, now);
    }

    /** After an answer that says nothing was charged: give up if charging is closed, otherwise try again later. */
    private Transition noCharge(Instant now, Schedule schedule) {
        if (chargingClosed(now) && chargeUncertainSince == null) {
            return giveUp(now);
        }
        return retryLater(now, schedule);
    }

    private Transition giveUp(Instant now) {
        return orderCancelled ? cancel(now) : fail(FailureReason.PAYMENT_UNAVAILABLE, null, now);
    }

    private Transition cancel(Instant now) {
        status = PaymentStatus.CANCELLED;
        updatedAt = now;
        return new Transition.Cancelled();
    }

    private Transition fail(FailureReason reason, String code, Instant now) {
        status = PaymentStatus.FAILED;
        failureReason = reason;
        declineCode = code;
        updatedAt = now;
        return new Transition.Failed(reason, code);
    }

    private Transition retryLater(Instant now, Schedule schedule) {
        retries++;
        Instant at = now.plus(schedule.delayAfter(retries));
        if (chargeUncertainSince == null && now.isBefore(terms.paymentDeadline())
                && at.isAfter(terms.paymentDeadline())) {
            // Nothing is in doubt, so the payment is given up exactly at its deadline, not a backoff later.
            at = terms.paymentDeadline();
        }
        nextAttemptAt = at;
        updatedAt = now;
        return new Transition.RetryLater(at);
    }

    private Instant settledAt(Schedule schedule) {
        return chargeUncertainSince.plus(schedule.settleTime());
    }

    private void requirePending() {
        if (status != PaymentStatus.PENDING) {
            throw new IllegalStateException("Payment " + id + " is " + status + ", no longer pending.");
        }
    }

    public PaymentId id() {
        return id;
    }

    public PaymentTerms terms() {
        return terms;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public PaymentStatus status() {
        return status;
    }

    public int keyGeneration() {
        return keyGeneration;
    }

    public boolean orderCancelled() {
        return orderCancelled;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** {@code null} unless succeeded. */
    public String chargeId() {
        return chargeId;
    }

    /** {@code null} unless failed. */
    public FailureReason failureReason() {
        return failureReason;
    }

    /** The provider's code when it declined, otherwise {@code null}. */
    public String declineCode() {
        return declineCode;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Everything about the payment that changes, as stored. */
    public Progress progress() {
        return new Progress(status, keyGeneration, reconciliationNeeded, chargeUncertainSince, orderCancelled,
                retries, nextAttemptAt, chargeId, failureReason, declineCode, updatedAt);
    }

    /** The changing part of a payment, for storage. */
    public record Progress(PaymentStatus status, int keyGeneration, boolean reconciliationNeeded,
            Instant chargeUncertainSince, boolean orderCancelled, int retries, Instant nextAttemptAt, String chargeId,
            FailureReason failureReason, String declineCode, Instant updatedAt) {

        public Progress {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
            if (keyGeneration < 1) {
                throw new IllegalArgumentException("key generations start at 1");
            }
        }
    }
}

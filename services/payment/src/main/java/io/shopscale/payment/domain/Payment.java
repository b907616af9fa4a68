package io.shopscale.payment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The payment of one order. It waits ({@code PENDING}) until the provider charged it, refused it, or it can no
 * longer be charged (deadline passed, order cancelled). A charge that nobody will pay for is then returned
 * ({@code REFUNDING} until the provider confirms, {@code REFUNDED}). The rules that keep money safe live here:
 * <ul>
 * <li>a charge the provider made is always recorded, whatever the payment's state;</li>
 * <li>no charge starts once the deadline has passed or the order was cancelled;</li>
 * <li>a claimed payment may be being charged until its worker stores an answer (written ahead by the claim), and a
 * claim that never stored one leaves the charge in doubt;</li>
 * <li>a payment whose charge may have gone through unanswered is only given up after a lookup showed none;</li>
 * <li>a new Idempotency-Key is only taken after a lookup showed no charge under the old ones;</li>
 * <li>a charge whose order was cancelled, or whose payment had been given up, is refunded, with no deadline.</li>
 * </ul>
 */
public final class Payment {

    private final PaymentId id;
    private final PaymentTerms terms;
    private final Instant createdAt;
    private PaymentStatus status;
    private int keyGeneration;
    private boolean reconciliationNeeded;
    private Instant chargeStartedAt;
    private Instant chargeUncertainSince;
    private boolean orderCancelled;
    private int retries;
    private Instant nextAttemptAt;
    private String chargeId;
    private String refundId;
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
        this.chargeStartedAt = progress.chargeStartedAt();
        this.chargeUncertainSince = progress.chargeUncertainSince();
        this.orderCancelled = progress.orderCancelled();
        this.retries = progress.retries();
        this.nextAttemptAt = progress.nextAttemptAt();
        this.chargeId = progress.chargeId();
        this.refundId = progress.refundId();
        this.failureReason = progress.failureReason();
        this.declineCode = progress.declineCode();
        this.updatedAt = progress.updatedAt();
    }

    /** A new payment, due at once. */
    public static Payment request(PaymentId id, PaymentTerms terms, Instant now) {
        return new Payment(id, terms, now, new Progress(PaymentStatus.PENDING, 1, false, null, null, false, 0, now,
                null, null, null, null, now));
    }

    /** A payment as it was stored. */
    public static Payment restore(PaymentId id, PaymentTerms terms, Instant createdAt, Progress progress) {
        return new Payment(id, terms, createdAt, progress);
    }

    /** The Idempotency-Key of the current generation: the order id, then {@code <order id>:2}, {@code :3}... */
    public String idempotencyKey() {
        return keyGeneration == 1 ? terms.orderId().toString() : terms.orderId() + ":" + keyGeneration;
    }

    /** The one Idempotency-Key of the payment's refund, {@code refund:<order id>}. */
    public String refundKey() {
        return "refund:" + terms.orderId();
    }

    public ChargeRequest chargeRequest() {
        return new ChargeRequest(id, terms.orderId(), idempotencyKey(), terms.amount(), terms.currency(),
                terms.customer(), terms.paymentDeadline());
    }

    public RefundRequest refundRequest() {
        requireRefunding();
        return new RefundRequest(id, terms.orderId(), chargeId, refundKey());
    }

    /** Charging is closed once the order is cancelled or its deadline has come. */
    public boolean chargingClosed(Instant now) {
        return orderCancelled || !now.isBefore(terms.paymentDeadline());
    }

    /**
     * A worker claims the payment for one go at it. A pending payment may be charged from now until the go stores
     * what came of its call, so the claim writes that down first (write-ahead). A mark still there from an earlier
     * claim is a go that never stored its answer: its worker died, and a charge it made was answered to nobody. That
     * is a lost answer, learnt of now; the payment is looked up before it may ever be given up.
     * {@link Payments#claimDue} applies exactly this to each payment it claims, in the claiming statement.
     */
    public void claim(Instant now) {
        if (chargeStartedAt != null) {
            chargeUncertainSince = now;
        }
        chargeStartedAt = status == PaymentStatus.PENDING ? now : null;
    }

    /**
     * What the worker that claimed the payment does with it. The claim's own write-ahead mark is not consulted: it
     * only stands for the call this go may make.
     */
    public Step nextStep(Instant now, Schedule schedule) {
        if (status == PaymentStatus.REFUNDING) {
            return Step.REFUND;
        }
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
        chargeStartedAt = null;
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
        // The call of this go has its answer; what the answer says about the key is below.
        chargeStartedAt = null;
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
            // Nothing reached the provider this time, which says nothing about an earlier call under the key: a
            // doubt from before stays.
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
        // The charge under this key follows in the same go; stored with this, it is under way until answered.
        chargeStartedAt = now;
        updatedAt = now;
        return new Transition.ChargeNext(idempotencyKey());
    }

    /**
     * Records a charge the provider made. It wins over any other state: the money was taken. A charge that nobody
     * will pay for (the order was cancelled, or the payment had been given up, which makes orders cancel it) is
     * recorded and refunded; it is never announced as a success.
     */
    public Transition adoptCharge(String charge, Instant now) {
        Objects.requireNonNull(charge, "charge");
        if (chargeId != null) {
            return charge.equals(chargeId) ? new Transition.AlreadyRecorded()
                    : new Transition.SecondCharge(charge, chargeId);
        }
        PaymentStatus previous = status;
        chargeId = charge;
        failureReason = null;
        declineCode = null;
        chargeUncertainSince = null;
        reconciliationNeeded = false;
        if (previous != PaymentStatus.PENDING || orderCancelled) {
            startRefund(now);
            return new Transition.Refunding(charge, previous);
        }
        status = PaymentStatus.SUCCEEDED;
        chargeStartedAt = null;
        updatedAt = now;
        return new Transition.Succeeded(charge);
    }

    /**
     * The order was cancelled: no charge may start any more. A pending payment is cancelled at once unless a charge
     * is in flight ({@code chargeInFlight}: a worker's claim on it is running), may be under way (a claim's mark) or
     * may have gone through unanswered; then the worker settles it once it knows, after a lookup. A payment that had
     * succeeded has its charge refunded.
     */
    public Cancellation cancelOrder(Instant now, boolean chargeInFlight) {
        return switch (status) {
            case PENDING -> {
                orderCancelled = true;
                updatedAt = now;
                if (chargeInFlight || chargeStartedAt != null || chargeUncertainSince != null) {
                    yield Cancellation.MARKED;
                }
                cancel(now);
                yield Cancellation.CANCELLED;
            }
            case SUCCEEDED -> {
                orderCancelled = true;
                startRefund(now);
                yield Cancellation.REFUNDING;
            }
            case FAILED, CANCELLED, REFUNDING, REFUNDED -> Cancellation.UNCHANGED;
        };
    }

    /**
     * Applies what one refund request came to. Only the provider's confirmation ends the refund; anything else is
     * asked again later under the same key, with growing pauses and no deadline.
     */
    public Transition refunded(RefundOutcome outcome, Instant now, Schedule schedule) {
        requireRefunding();
        if (outcome instanceof RefundOutcome.Refunded refunded) {
            status = PaymentStatus.REFUNDED;
            refundId = Objects.requireNonNull(refunded.refundId(), "refundId");
            updatedAt = now;
            return new Transition.Refunded(refundId);
        }
        return retryLater(now, schedule);
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
        chargeStartedAt = null;
        updatedAt = now;
        return new Transition.Cancelled();
    }

    private Transition fail(FailureReason reason, String code, Instant now) {
        status = PaymentStatus.FAILED;
        chargeStartedAt = null;
        failureReason = reason;
        declineCode = code;
        updatedAt = now;
        return new Transition.Failed(reason, code);
    }

    /** The charge is owed back: due at once, with the backoff starting afresh. */
    private void startRefund(Instant now) {
        status = PaymentStatus.REFUNDING;
        chargeStartedAt = null;
        retries = 0;
        nextAttemptAt = now;
        updatedAt = now;
    }

    private Transition retryLater(Instant now, Schedule schedule) {
        chargeStartedAt = null;
        retries++;
        Instant at = now.plus(schedule.delayAfter(retries));
        if (status == PaymentStatus.PENDING && chargeUncertainSince == null && now.isBefore(terms.paymentDeadline())
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

    private void requireRefunding() {
        if (status != PaymentStatus.REFUNDING) {
            throw new IllegalStateException("Payment " + id + " is " + status + ", not refunding.");
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

    /** The provider's id for the charge taken: set once succeeded, and kept while and after it is refunded. */
    public String chargeId() {
        return chargeId;
    }

    /** The provider's id for the refund, once refunded; otherwise {@code null}. */
    public String refundId() {
        return refundId;
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
        return new Progress(status, keyGeneration, reconciliationNeeded, chargeStartedAt, chargeUncertainSince,
                orderCancelled, retries, nextAttemptAt, chargeId, refundId, failureReason, declineCode, updatedAt);
    }

    /**
     * The changing part of a payment, for storage.
     *
     * @param chargeStartedAt when the running claim took the payment, which may be charging it until the claim's go
     *        stores an answer; only while pending
     * @param chargeUncertainSince when the answer to a charge under the current key was last lost; null while no
     *        charge can have gone through unanswered
     */
    public record Progress(PaymentStatus status, int keyGeneration, boolean reconciliationNeeded,
            Instant chargeStartedAt, Instant chargeUncertainSince, boolean orderCancelled, int retries,
            Instant nextAttemptAt, String chargeId, String refundId, FailureReason failureReason, String declineCode,
            Instant updatedAt) {

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

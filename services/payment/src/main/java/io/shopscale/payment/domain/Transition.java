package io.shopscale.payment.domain;

import java.time.Instant;

/** What a payment did in response to a result; the worker persists it and publishes what it must. */
public sealed interface Transition {

    /** The payment succeeded: its order is paid for. */
    record Succeeded(String chargeId) implements Transition {
    }

    record Failed(FailureReason reason, String declineCode) implements Transition {
    }

    record Cancelled() implements Transition {
    }

    /**
     * A charge surfaced that nobody will pay for, so it is to be refunded: the order was cancelled, or the payment
     * had been given up ({@code previous}: {@code FAILED} or {@code CANCELLED}) and orders cancels on that.
     */
    record Refunding(String chargeId, PaymentStatus previous) implements Transition {
    }

    /** The provider refunded the charge. */
    record Refunded(String refundId) implements Transition {
    }

    /** Nothing final yet: try again at {@code at}. */
    record RetryLater(Instant at) implements Transition {
    }

    /** The lookup found no charge: charge now under {@code idempotencyKey}. */
    record ChargeNext(String idempotencyKey) implements Transition {
    }

    /** The charge was recorded already. */
    record AlreadyRecorded() implements Transition {
    }

    /** A charge other than the recorded one: the order has been charged twice. */
    record SecondCharge(String chargeId, String recordedChargeId) implements Transition {
    }
}

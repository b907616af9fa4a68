package io.shopscale.payment.domain;

import java.time.Instant;

/** What a payment did in response to a result; the worker persists it and publishes what it must. */
public sealed interface Transition {

    /** The payment succeeded; {@code previous} is what it was before (not PENDING only when a late charge surfaced). */
    record Succeeded(String chargeId, PaymentStatus previous) implements Transition {
    }

    record Failed(FailureReason reason, String declineCode) implements Transition {
    }

    record Cancelled() implements Transition {
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

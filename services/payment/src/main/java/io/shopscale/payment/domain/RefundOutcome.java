package io.shopscale.payment.domain;

/**
 * What one refund request came to. Only a confirmed refund ends the payment; anything else is asked again later
 * under the same key, for as long as it takes, since the provider refunds a charge at most once.
 */
public sealed interface RefundOutcome {

    /** The provider refunded the charge (now, or before under any key); {@code refundId} is its id for the refund. */
    record Refunded(String refundId) implements RefundOutcome {
    }

    /**
     * The provider answered but would not refund as asked (400, 404 unknown charge, 422). Asking again is unlikely to
     * help until someone looks, but it is asked again all the same: the money is owed.
     */
    record Refused(String code) implements RefundOutcome {
    }

    /** No answer confirmed a refund: not sent, throttled, timed out, still in flight, provider error. */
    record Unconfirmed(String detail) implements RefundOutcome {
    }
}

package io.shopscale.payment.domain;

/** What a worker does next with a payment it claimed. */
public enum Step {
    /** Ask the provider to charge under the current key. */
    CHARGE,
    /** Ask the provider which charges exist for the order before anything else. */
    RECONCILE,
    /** Give up without a call: charging is closed and no charge can have been made. */
    CLOSE,
    /** Charging is closed but a charge may still be in progress at the provider: look it up later. */
    WAIT,
    /** Ask the provider to refund the payment's charge. */
    REFUND
}

package io.shopscale.payment.domain;

/** Why a payment failed for good. */
public enum FailureReason {
    /** The provider refused the charge. */
    PAYMENT_DECLINED,
    /** No charge could be made before the order's payment deadline. */
    PAYMENT_UNAVAILABLE
}

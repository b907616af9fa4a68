package io.shopscale.payment.domain;

/** What an order's cancellation did to its payment. */
public enum Cancellation {
    /** Cancelled at once: no charge can have been made. */
    CANCELLED,
    /**
     * Charging has stopped, but a charge may be under way or may have gone through unanswered: the worker settles
     * it first (looked up once it had time to settle) and refunds it if it went through.
     */
    MARKED,
    /** The payment had succeeded: its charge is to be refunded. */
    REFUNDING,
    /** The payment had ended already (failed, cancelled, refunding or refunded): nothing changes. */
    UNCHANGED
}

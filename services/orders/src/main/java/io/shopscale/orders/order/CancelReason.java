package io.shopscale.orders.order;

/** Why an order was cancelled. */
public enum CancelReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    PAYMENT_UNAVAILABLE,
    EXPIRED
}

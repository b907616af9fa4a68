package io.shopscale.orders.order;

/** Where an order stands. Only {@link #PENDING_PAYMENT} may still change; the other two are final. */
public enum OrderStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    CANCELLED
}

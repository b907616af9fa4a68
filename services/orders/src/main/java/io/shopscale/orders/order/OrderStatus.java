package io.shopscale.orders.order;

/**
 * Where an order stands. {@link #PENDING_PAYMENT} moves on once; {@link #CANCELLED} is final, and so is
 * {@link #CONFIRMED} but for one compensation: inventory could not sell its stock after all (see
 * {@link Order#cancelUnsold}).
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    CANCELLED
}

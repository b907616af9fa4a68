package io.shopscale.orders.checkout;

import io.shopscale.orders.order.OrderId;

/**
 * The answer to a checkout, as stored with its idempotency key and replayed for retries.
 *
 * @param body JSON: the accepted order, or a problem document
 * @param replayed whether this repeats the answer to an earlier request with the same key
 */
record CheckoutResult(int status, String body, OrderId orderId, boolean replayed) {

    static final int ACCEPTED = 202;

    boolean accepted() {
        return status == ACCEPTED;
    }
}

package io.shopscale.orders.idempotency;

import io.shopscale.orders.order.OrderId;

/** An idempotency key as stored; the response is {@code null} while the request is in flight. */
record StoredKey(String requestHash, boolean completed, OrderId orderId, Integer responseStatus,
                 String responseBody) {
}

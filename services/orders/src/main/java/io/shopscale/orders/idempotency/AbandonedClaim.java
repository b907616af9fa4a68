package io.shopscale.orders.idempotency;

import io.shopscale.orders.order.OrderId;

/**
 * A claim whose request never finished and was not retried: no order was stored under it (storing one completes
 * the claim in the same transaction), yet a reservation may have been made under its order id.
 */
public record AbandonedClaim(String userId, String key, OrderId orderId) {
}

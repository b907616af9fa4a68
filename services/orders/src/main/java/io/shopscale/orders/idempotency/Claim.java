package io.shopscale.orders.idempotency;

import io.shopscale.orders.order.OrderId;

/** What claiming an idempotency key found. */
public sealed interface Claim {

    /** The caller now owns the key and works under this order id (the same one on every retry). */
    record Acquired(String userId, IdempotencyKey key, OrderId orderId) implements Claim {
    }

    /** The key's request finished earlier: answer exactly as then. */
    record Replay(int status, String body, OrderId orderId) implements Claim {
    }

    /** Another request with this key is still being processed. */
    record InFlight() implements Claim {
    }

    /** The key was used before for a different request. */
    record Mismatch() implements Claim {
    }
}

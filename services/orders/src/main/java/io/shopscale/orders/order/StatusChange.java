package io.shopscale.orders.order;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's history.
 *
 * @param reason why it was cancelled, {@code null} for other statuses
 */
public record StatusChange(OrderStatus status, CancelReason reason, Instant at) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if ((status == OrderStatus.CANCELLED) != (reason != null)) {
            throw new IllegalArgumentException("a reason belongs to cancellations and only to them");
        }
    }
}

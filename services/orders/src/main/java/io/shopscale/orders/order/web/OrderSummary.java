package io.shopscale.orders.order.web;

import io.shopscale.orders.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order in a listing: enough to show it in a list, the details are one request away. */
record OrderSummary(UUID id, String status, String cancelReason, long total, String currency, int itemCount,
                    Instant placedAt) {

    static OrderSummary of(Order order) {
        return new OrderSummary(order.id().value(), order.status().name(),
                order.cancelReason() == null ? null : order.cancelReason().name(), order.total(), order.currency(),
                order.lines().stream().mapToInt(line -> line.quantity()).sum(), order.placedAt());
    }

    /** One page of a listing; {@code page} is zero-based, {@code total} counts all the caller's orders. */
    record Page(List<OrderSummary> items, int page, int size, long total) {
    }
}

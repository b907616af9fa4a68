package io.shopscale.orders.order.web;

import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderLine;
import io.shopscale.orders.order.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as its owner sees it, with its lines and every status it went through. */
record OrderView(UUID id, String status, String cancelReason, long total, String currency, Instant placedAt,
                 Instant paymentDeadline, List<LineView> lines, List<HistoryView> history) {

    record LineView(String sku, int quantity, long unitPrice, long subtotal) {

        static LineView of(OrderLine line) {
            return new LineView(line.sku(), line.quantity(), line.unitPrice(), line.subtotal());
        }
    }

    record HistoryView(String status, String reason, Instant at) {

        static HistoryView of(StatusChange change) {
            return new HistoryView(change.status().name(), change.reason() == null ? null : change.reason().name(),
                    change.at());
        }
    }

    static OrderView of(Order order) {
        return new OrderView(order.id().value(), order.status().name(),
                order.cancelReason() == null ? null : order.cancelReason().name(), order.total(), order.currency(),
                order.placedAt(), order.paymentDeadline(), order.lines().stream().map(LineView::of).toList(),
                order.history().stream().map(HistoryView::of).toList());
    }
}

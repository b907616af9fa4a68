package io.shopscale.contracts.events;

import java.time.Instant;
import java.util.List;

/** The {@code data} of the order events. Amounts are integer minor units of {@code currency} (cents for EUR). */
public final class OrderEvents {

    private OrderEvents() {
    }

    public record Line(String sku, int quantity, long unitPrice) {
    }

    /** An order was accepted, its stock reserved; it waits for payment until {@code paymentDeadline}. */
    public record OrderPlaced(String orderId, String userId, List<Line> lines, long total, String currency,
            Instant placedAt, Instant paymentDeadline) {
    }

    /** The order was paid: its reservation becomes a sale. */
    public record OrderConfirmed(String orderId, String userId, Instant confirmedAt) {
    }

    /**
     * The order will not be fulfilled; its reserved stock goes back.
     *
     * @param reason {@code PAYMENT_DECLINED}, {@code PAYMENT_UNAVAILABLE}, {@code EXPIRED}, or {@code OUT_OF_STOCK}
     * when a confirmed order's stock could not be sold after all (its payment is then refunded)
     */
    public record OrderCancelled(String orderId, String userId, String reason, Instant cancelledAt) {
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code orders.orders}, as stored: the truth about an order, whatever any client was told. */
public record OrderRecord(UUID id, String userId, String status, String cancelReason, long total, String currency,
        Instant placedAt, Instant updatedAt) {

    public static final String PENDING = "PENDING_PAYMENT";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";

    public boolean isFinal() {
        return CONFIRMED.equals(status) || CANCELLED.equals(status);
    }
}

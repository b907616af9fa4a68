package io.shopscale.contracts.events;

import java.time.Instant;

/** The {@code data} of inventory's events. */
public final class InventoryEvents {

    private InventoryEvents() {
    }

    /**
     * A confirmed order's stock could not be sold: its reservation was {@code RELEASED} or {@code EXPIRED} (the units
     * went back to stock), or there was none ({@code NONE}). The order must not ship; its payment is to be refunded.
     * Its event id is derived from the order id, so however often it is sent, consumers apply it once.
     */
    public record SaleRefused(String orderId, String reservationState, Instant refusedAt) {

        public static String eventId(String orderId) {
            return "sale-refused:" + orderId;
        }
    }
}

package io.shopscale.inventory.reservation;

import java.time.Instant;
import java.util.List;

/** How a reserve call ended. Only {@link Reserved} leaves stock held; every other outcome changed nothing. */
public sealed interface ReserveOutcome {

    /** The stock is held until {@code expiresAt}; {@code replay} when an earlier call had already reserved it. */
    record Reserved(Instant expiresAt, boolean replay) implements ReserveOutcome {
    }

    /** Not enough stock for at least one line; nothing was reserved. */
    record Short(List<Shortage> shortages) implements ReserveOutcome {
    }

    /** Lines name SKUs the inventory does not stock. */
    record UnknownSkus(List<String> skus) implements ReserveOutcome {
    }

    /** The order id already holds a reservation with other lines. */
    record LinesDiffer() implements ReserveOutcome {
    }

    /**
     * The order id's reservation was released or expired. It is not revived: the order it belonged to has given up
     * its stock, and a late retry must not take stock again that nobody will confirm.
     */
    record Ended(ReservationState state) implements ReserveOutcome {
    }

    record Shortage(String sku, int requested, int available) {
    }
}

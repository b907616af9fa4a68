package io.shopscale.orders.checkout;

import io.shopscale.orders.order.OrderId;
import java.time.Instant;
import java.util.List;

/** Inventory's reservations, keyed by order id: reserving twice under one id reserves once. */
public interface StockReservations {

    /**
     * Reserves all lines or none.
     *
     * @throws CollaboratorUnavailableException when inventory cannot answer in time
     */
    Reservation reserve(OrderId orderId, List<RequestedLine> lines);

    /** Gives the stock back; best effort (an unconfirmed reservation expires anyway). */
    void releaseQuietly(OrderId orderId);

    /**
     * Gives the stock back and says whether inventory now holds none for the order (released, expired, or never
     * reserved); false if the reservation was sold.
     *
     * @throws CollaboratorUnavailableException when inventory cannot answer in time
     */
    boolean release(OrderId orderId);

    sealed interface Reservation {
    }

    /**
     * The stock is held until {@code expiresAt} unless the order is confirmed by then. A repeated reserve answers
     * with the first one's expiry: the time does not start again.
     */
    record Reserved(Instant expiresAt) implements Reservation {
    }

    /**
     * A reservation under this order id existed and has been released or has expired: the id is spent, and
     * reserving again needs a new one.
     */
    record Ended() implements Reservation {
    }

    /** Nothing was reserved: these lines cannot be met (empty when inventory does not stock a SKU at all). */
    record Insufficient(List<Shortage> shortages) implements Reservation {
    }

    record Shortage(String sku, int requested, int available) {
    }
}

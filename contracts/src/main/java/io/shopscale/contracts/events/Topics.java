package io.shopscale.contracts.events;

/**
 * Kafka topics. One topic per aggregate type, keyed by the aggregate's id, so that every event about one order
 * lands in one partition, in order.
 */
public final class Topics {

    /** {@code shopscale.order.*} events, keyed by order id. */
    public static final String ORDERS = "shopscale.orders";

    /** {@code shopscale.payment.*} events, keyed by the order id they pay for. */
    public static final String PAYMENTS = "shopscale.payments";

    /** {@code shopscale.inventory.*} events, keyed by the order id whose reservation they are about. */
    public static final String INVENTORY = "shopscale.inventory";

    private Topics() {
    }
}

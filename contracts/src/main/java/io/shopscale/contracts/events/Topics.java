package io.shopscale.contracts.events;

/**
 * Kafka topics. One topic per aggregate type, keyed by the aggregate's id, so that every event about one order
 * lands in one partition, in order.
 */
public final class Topics {

    /** {@code shopscale.order.*} events, keyed by order id. */
    public static final String ORDERS = "shopscale.orders";

    private Topics() {
    }
}

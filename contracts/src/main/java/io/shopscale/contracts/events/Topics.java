package io.shopscale.contracts.events;

import java.util.Map;

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

    /**
     * {@code shopscale.catalog.price-changed} events, keyed by SKU. Compacted ({@link #CATALOG_PRICES_CONFIG}): only
     * the latest price of a SKU matters, so a reader that starts from the beginning reads each SKU's price once.
     */
    public static final String CATALOG_PRICES = "shopscale.catalog.prices";

    /** The configuration of {@link #CATALOG_PRICES}, for every service that declares the topic. */
    public static final Map<String, String> CATALOG_PRICES_CONFIG = Map.of("cleanup.policy", "compact");

    private Topics() {
    }
}

package io.shopscale.contracts.events;

/** The {@code data} of the catalog's events. Their envelope's {@code subject} (and Kafka key) is the SKU. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /**
     * A product's price changed. Readers keep the price with the highest {@code version} they have seen: events of
     * one SKU normally arrive in order, but a resent event may arrive after a newer one.
     *
     * @param amount minor units of {@code currency}
     * @param version the product's price version in the catalog: 1 for its first price, one more with every change
     */
    public record PriceChanged(String sku, long amount, String currency, long version) {
    }
}

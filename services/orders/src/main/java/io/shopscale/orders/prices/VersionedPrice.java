package io.shopscale.orders.prices;

import io.shopscale.orders.checkout.Price;
import java.util.Objects;

/**
 * A catalog price with the catalog's price version: of two prices of one SKU, the one with the higher version is the
 * newer.
 *
 * @param version the catalog's price version; 0 when the catalog did not say, so any versioned price replaces it
 */
public record VersionedPrice(Price price, long version) {

    public VersionedPrice {
        Objects.requireNonNull(price, "price");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}

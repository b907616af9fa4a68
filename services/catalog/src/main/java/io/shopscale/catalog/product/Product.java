package io.shopscale.catalog.product;

import java.time.Instant;
import java.util.UUID;

/**
 * A product as the catalog serves it. {@code version} grows with every change and drives the ETag;
 * {@code priceVersion} grows with every change of the price alone, and is what price events carry.
 */
public record Product(
        UUID id,
        String sku,
        String name,
        String description,
        String category,
        Money price,
        long priceVersion,
        String imageUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A strong validator: it changes whenever the product does. */
    public String entityTag() {
        return "\"" + id + "-" + version + "\"";
    }
}

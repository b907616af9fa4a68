package io.shopscale.catalog.seed;

import java.time.Instant;
import java.util.UUID;

/** One generated product row, in the shape of the product table. */
record SeedProduct(UUID id, String sku, String name, String description, String category, long priceAmount,
                   String currency, String imageUrl, Instant createdAt) {
}

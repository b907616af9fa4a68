package io.shopscale.loadtest.blackfriday.workload;

import java.util.List;
import java.util.Set;

/**
 * The products the shoppers browse and buy, loaded from the catalog before the run. The hot SKUs are kept apart:
 * nobody buys them before the flash sale, so their stock is intact when it opens.
 */
public record Catalog(List<Product> regular, List<Product> hot) {

    public record Product(String id, String sku, String name) {
    }

    public Catalog {
        regular = List.copyOf(regular);
        hot = List.copyOf(hot);
        if (regular.isEmpty()) {
            throw new IllegalArgumentException("the catalog listing returned no products to browse");
        }
        Set<String> hotSkus = Set.copyOf(hot.stream().map(Product::sku).toList());
        if (regular.stream().anyMatch(p -> hotSkus.contains(p.sku()))) {
            throw new IllegalArgumentException("a hot SKU is among the regular products");
        }
    }
}

package io.shopscale.catalog.product;

import java.util.List;

/** One page of a product listing; {@code page} is zero-based and {@code total} counts every match. */
public record ProductPage(List<Product> items, int page, int size, long total) {
}

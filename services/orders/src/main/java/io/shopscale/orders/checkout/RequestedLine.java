package io.shopscale.orders.checkout;

/** A line as the client asked for it: which SKU and how many. Prices come from the catalog, never from here. */
public record RequestedLine(String sku, int quantity) {
}

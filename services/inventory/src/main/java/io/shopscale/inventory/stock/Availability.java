package io.shopscale.inventory.stock;

/** What shoppers may know about a SKU: how many units can still be bought. */
record Availability(String sku, int available) {
}

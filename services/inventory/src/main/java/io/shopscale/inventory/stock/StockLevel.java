package io.shopscale.inventory.stock;

/** The full picture of one SKU, for operators: per SKU, available + reserved + sold only changes on restock. */
record StockLevel(String sku, int available, int reserved, int sold) {
}

package io.shopscale.inventory.stock;

/**
 * The full picture of one SKU, for operators: per SKU, available + reserved + sold only changes on restock.
 *
 * @param version counts every change of the SKU's stock; an absolute update names the version it was based on
 */
record StockLevel(String sku, int available, int reserved, int sold, long version) {
}

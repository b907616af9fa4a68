package io.shopscale.loadtest.blackfriday.audit;

/** One row of {@code inventory.stock}: units move between the three columns but their sum only changes by restock. */
public record StockLevel(String sku, long available, long reserved, long sold) {

    public long total() {
        return available + reserved + sold;
    }
}

package io.shopscale.inventory.stock;

/** What an absolute update of a SKU's stock did. */
sealed interface StockChange {

    record Applied(StockLevel level) implements StockChange {
    }

    /** The SKU changed since the version the update was based on; nothing was written. */
    record Conflict(StockLevel current) implements StockChange {
    }

    /** No stock is kept for the SKU, and the update did not ask to create it (version 0). */
    record Unknown() implements StockChange {
    }
}

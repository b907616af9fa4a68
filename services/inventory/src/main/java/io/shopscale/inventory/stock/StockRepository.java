package io.shopscale.inventory.stock;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stock levels and applies restocks; reservations move stock through their own guarded statements. Each write
 * here is one statement that locks the row like any other move and counts up its version.
 */
@Repository
class StockRepository {

    private static final String COLUMNS = "sku, available, reserved, sold, version";

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StockLevel> find(String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock WHERE sku = :sku")
                .param("sku", sku)
                .query(StockLevel.class)
                .optional();
    }

    /** Sets the available units if the SKU is still at {@code version}; version 0 also creates a new SKU. */
    @Transactional
    StockChange setAvailable(String sku, int available, long version) {
        Optional<StockLevel> updated = jdbc.sql("UPDATE stock SET available = :available, version = version + 1,"
                        + " updated_at = now() WHERE sku = :sku AND version = :version RETURNING " + COLUMNS)
                .param("sku", sku)
                .param("available", available)
                .param("version", version)
                .query(StockLevel.class)
                .optional();
        if (updated.isPresent()) {
            return new StockChange.Applied(updated.get());
        }
        Optional<StockLevel> current = find(sku);
        if (current.isPresent()) {
            return new StockChange.Conflict(current.get());
        }
        if (version != 0) {
            return new StockChange.Unknown();
        }
        return jdbc.sql("INSERT INTO stock (sku, available) VALUES (:sku, :available) ON CONFLICT (sku) DO NOTHING"
                        + " RETURNING " + COLUMNS)
                .param("sku", sku)
                .param("available", available)
                .query(StockLevel.class)
                .optional()
                .<StockChange>map(StockChange.Applied::new)
                .orElseGet(() -> new StockChange.Conflict(find(sku).orElseThrow()));
    }

    /** Adds delivered units to what is available; empty if no stock is kept for the SKU. */
    Optional<StockLevel> restock(String sku, int quantity) {
        return jdbc.sql("UPDATE stock SET available = available + :quantity, version = version + 1,"
                        + " updated_at = now() WHERE sku = :sku RETURNING " + COLUMNS)
                .param("sku", sku)
                .param("quantity", quantity)
                .query(StockLevel.class)
                .optional();
    }
}

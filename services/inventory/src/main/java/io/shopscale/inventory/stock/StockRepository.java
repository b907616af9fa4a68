package io.shopscale.inventory.stock;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stock levels and applies restocks; reservations move stock through their own guarded statements. */
@Repository
class StockRepository {

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StockLevel> find(String sku) {
        return jdbc.sql("SELECT sku, available, reserved, sold FROM stock WHERE sku = :sku")
                .param("sku", sku)
                .query(StockLevel.class)
                .optional();
    }

    /** Creates the SKU or sets its available units, in one statement that locks the row like any other move. */
    StockLevel setAvailable(String sku, int available) {
        return jdbc.sql("""
                        INSERT INTO stock (sku, available, reserved, sold) VALUES (:sku, :available, 0, 0)
                        ON CONFLICT (sku) DO UPDATE SET available = EXCLUDED.available, updated_at = now()
                        RETURNING sku, available, reserved, sold""")
                .param("sku", sku)
                .param("available", available)
                .query(StockLevel.class)
                .single();
    }
}

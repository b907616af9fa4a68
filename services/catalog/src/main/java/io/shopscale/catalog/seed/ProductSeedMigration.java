package io.shopscale.catalog.seed;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Loads the demo catalog once, as a versioned Flyway migration: Flyway's lock and history make it run exactly once
 * even when several catalog instances start together, and {@code ON CONFLICT} keeps it harmless on a database that
 * already holds some of these products.
 */
@Component
class ProductSeedMigration implements JavaMigration {

    static final int PRODUCT_COUNT = 10_400;
    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "seed demo products";
    }

    // Fixed for good: databases that already ran this seed must keep validating. Later changes to seeded rows
    // ship as migrations of their own (see V3).
    @Override
    public Integer getChecksum() {
        return PRODUCT_COUNT * 31 + Long.hashCode(CatalogSeed.DEFAULT_SEED);
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<SeedProduct> products = new CatalogSeed().products(PRODUCT_COUNT);
        String sql = """
                INSERT INTO product (id, sku, name, description, category, price_amount, price_currency,
                                     image_url, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku) DO NOTHING""";
        try (PreparedStatement insert = context.getConnection().prepareStatement(sql)) {
            int pending = 0;
            for (SeedProduct product : products) {
                Timestamp created = Timestamp.from(product.createdAt());
                insert.setObject(1, product.id());
                insert.setString(2, product.sku());
                insert.setString(3, product.name());
                insert.setString(4, product.description());
                insert.setString(5, product.category());
                insert.setLong(6, product.priceAmount());
                insert.setString(7, product.currency());
                insert.setString(8, product.imageUrl());
                insert.setTimestamp(9, created);
                insert.setTimestamp(10, created);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}

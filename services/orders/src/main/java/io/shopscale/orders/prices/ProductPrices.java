package io.shopscale.orders.prices;

import io.shopscale.orders.checkout.Price;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The price read model in orders' schema ({@code product_price}). */
@Repository
class ProductPrices {

    private final JdbcClient jdbc;

    ProductPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored price of each of these SKUs that has one, in one query. */
    Map<String, Price> find(List<String> skus) {
        Map<String, Price> prices = new HashMap<>();
        jdbc.sql("SELECT sku, amount, currency FROM product_price WHERE sku IN (:skus)")
                .param("skus", skus)
                .query(rs -> {
                    prices.put(rs.getString("sku"), new Price(rs.getLong("amount"), rs.getString("currency")));
                });
        return prices;
    }

    /**
     * Stores the price unless the SKU already has one of the same or a higher version. The comparison runs in the
     * statement itself, so an event and a fallback lookup storing the same SKU at once cannot roll it back either.
     *
     * @return whether the price was stored
     */
    boolean storeIfNewer(String sku, VersionedPrice price) {
        return jdbc.sql("""
                        INSERT INTO product_price (sku, amount, currency, version, updated_at)
                        VALUES (:sku, :amount, :currency, :version, now())
                        ON CONFLICT (sku) DO UPDATE
                        SET amount = EXCLUDED.amount, currency = EXCLUDED.currency, version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE product_price.version < EXCLUDED.version""")
                .param("sku", sku)
                .param("amount", price.price().amount())
                .param("currency", price.price().currency())
                .param("version", price.version())
                .update() == 1;
    }
}

package io.shopscale.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products in the catalog schema. Searches use the indexed full-text column, listings the b-tree indexes. The only
 * write is a price change.
 */
@Repository
class ProductRepository {

    private static final String COLUMNS = """
            id, sku, name, description, category, price_amount, price_currency, price_version, image_url,
            created_at, updated_at, version""";

    private static final RowMapper<Product> PRODUCT = ProductRepository::map;

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Product> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = :id")
                .param("id", id)
                .query(PRODUCT)
                .optional();
    }

    Optional<Product> findBySku(String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku = :sku")
                .param("sku", sku)
                .query(PRODUCT)
                .optional();
    }

    /**
     * Sets a product's price and counts the change in both versions, unless the product already has that price.
     *
     * @return the changed product; empty if there is no such SKU or its price is already {@code price}
     */
    Optional<Product> changePrice(String sku, Money price) {
        return jdbc.sql("""
                        UPDATE product
                        SET price_amount = :amount, price_currency = :currency, price_version = price_version + 1,
                            version = version + 1, updated_at = now()
                        WHERE sku = :sku AND (price_amount, price_currency) IS DISTINCT FROM (:amount, :currency)
                        RETURNING\s""" + COLUMNS)
                .param("sku", sku)
                .param("amount", price.amount())
                .param("currency", price.currency())
                .query(PRODUCT)
                .optional();
    }

    // The unique index on sku serves this.
    List<Product> findBySkus(List<String> skus) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku IN (:skus) ORDER BY sku")
                .param("skus", skus)
                .query(PRODUCT)
                .list();
    }

    ProductPage find(ProductQuery query) {
        String where = where(query);
        long total = bind(jdbc.sql("SELECT count(*) FROM product" + where), query)
                .query(Long.class)
                .single();
        List<Product> items = total <= query.offset() ? List.of()
                : bind(jdbc.sql("SELECT " + COLUMNS + " FROM product" + where
                        + " ORDER BY " + orderBy(query.sort()) + " LIMIT :limit OFFSET :offset"), query)
                        .param("limit", query.size())
                        .param("offset", query.offset())
                        .query(PRODUCT)
                        .list();
        return new ProductPage(items, query.page(), query.size(), total);
    }

    private static String where(ProductQuery query) {
        StringBuilder where = new StringBuilder();
        if (query.searching()) {
            where.append(" WHERE search @@ websearch_to_tsquery('english', :text)");
        }
        if (query.category() != null) {
            where.append(query.searching() ? " AND" : " WHERE").append(" category = :category");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ProductQuery query) {
        if (query.searching()) {
            statement = statement.param("text", query.text());
        }
        if (query.category() != null) {
            statement = statement.param("category", query.category());
        }
        return statement;
    }

    // Only fixed strings reach the ORDER BY; user input never does.
    private static String orderBy(ProductSort sort) {
        return switch (sort) {
            case RELEVANCE -> "ts_rank(search, websearch_to_tsquery('english', :text)) DESC, id";
            case NAME -> "name, id";
            case PRICE_ASCENDING -> "price_amount, id";
            case PRICE_DESCENDING -> "price_amount DESC, id";
            case NEWEST -> "created_at DESC, id";
        };
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getObject("id", UUID.class),
                rs.getString("sku"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("category"),
                new Money(rs.getLong("price_amount"), rs.getString("price_currency")),
                rs.getLong("price_version"),
                rs.getString("image_url"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}

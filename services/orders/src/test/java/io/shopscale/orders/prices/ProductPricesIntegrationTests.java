package io.shopscale.orders.prices;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.orders.checkout.Price;
import io.shopscale.stores.PostgresStore;
import io.shopscale.testsupport.SharedStores;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The read model's one rule, against real PostgreSQL: a SKU's price only ever moves to a higher version. */
class ProductPricesIntegrationTests {

    private static ProductPrices prices;

    @BeforeAll
    static void migratedDatabase() {
        PostgresStore postgres = SharedStores.get().postgres();
        String url = postgres.createFreshDatabase("orders_prices");
        PostgresStore.Login orders = postgres.login("orders");
        Flyway.configure()
                .dataSource(url, orders.user(), orders.password())
                .schemas("orders")
                .defaultSchema("orders")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=orders";
        prices = new ProductPrices(JdbcClient.create(new DriverManagerDataSource(inSchema, orders.user(),
                orders.password())));
    }

    @Test
    void aNewerVersionReplacesThePriceAndAnOlderOrEqualOneChangesNothing() {
        assertThat(prices.storeIfNewer("HKT-00001", price(1_000, 2))).isTrue();

        assertThat(prices.storeIfNewer("HKT-00001", price(500, 1))).as("older").isFalse();
        assertThat(prices.storeIfNewer("HKT-00001", price(700, 2))).as("same version again").isFalse();
        assertThat(prices.find(List.of("HKT-00001"))).isEqualTo(Map.of("HKT-00001", new Price(1_000, "USD")));

        assertThat(prices.storeIfNewer("HKT-00001", price(1_200, 3))).as("newer").isTrue();
        assertThat(prices.find(List.of("HKT-00001"))).isEqualTo(Map.of("HKT-00001", new Price(1_200, "USD")));
    }

    @Test
    void aPriceWithoutAVersionGivesWayToAnyVersionedOne() {
        assertThat(prices.storeIfNewer("LGT-00002", price(2_599, 0))).isTrue();

        assertThat(prices.storeIfNewer("LGT-00002", price(2_000, 1))).isTrue();

        assertThat(prices.find(List.of("LGT-00002"))).isEqualTo(Map.of("LGT-00002", new Price(2_000, "USD")));
    }

    @Test
    void oneQueryFindsTheStoredPricesAmongManySkus() {
        prices.storeIfNewer("FRN-00003", price(4_999, 1));
        prices.storeIfNewer("ELC-00004", price(100, 1));

        assertThat(prices.find(List.of("FRN-00003", "ELC-00004", "ZZZ-00404")))
                .isEqualTo(Map.of("FRN-00003", new Price(4_999, "USD"), "ELC-00004", new Price(100, "USD")));
    }

    private static VersionedPrice price(long amount, long version) {
        return new VersionedPrice(new Price(amount, "USD"), version);
    }
}

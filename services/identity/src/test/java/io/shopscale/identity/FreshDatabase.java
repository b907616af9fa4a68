package io.shopscale.identity;

import io.shopscale.stores.PostgresStore;
import io.shopscale.testsupport.SharedStores;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database of its own with the identity schema migrated, outside any Spring context: for tests that start
 * several "instances" of a component on one database, as several identity processes would.
 */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    public static JdbcClient create() {
        return JdbcClient.create(createDataSource());
    }

    /** The same, as a data source: for tests that run transactions on it. */
    public static DataSource createDataSource() {
        PostgresStore postgres = SharedStores.get().postgres();
        String url = postgres.createFreshDatabase("identity_fresh");
        PostgresStore.Login identity = postgres.login("identity");
        Flyway.configure()
                .dataSource(url, identity.user(), identity.password())
                .schemas("identity")
                .defaultSchema("identity")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=identity";
        return new DriverManagerDataSource(inSchema, identity.user(), identity.password());
    }
}

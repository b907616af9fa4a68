package io.shopscale.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' database roles on a real embedded server: what each may do, and what it may not. */
class DatabaseRolesIntegrationTests {

    private static final String PERMISSION_DENIED = "42501";
    private static final String WRONG_PASSWORD = "28P01";

    private static PostgresStore postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresStore.start(0, null, StoreCredentials.generated());
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void eachRoleCreatesWritesAndReadsTablesInItsOwnSchema() throws Exception {
        for (SchemaOwner owner : SchemaOwner.SERVICES) {
            try (Connection connection = loginAs(owner.role(), postgres.connectionString());
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE " + owner.schema() + ".own_probe (id bigint GENERATED ALWAYS AS IDENTITY, note text)");
                sql.execute("INSERT INTO " + owner.schema() + ".own_probe (note) VALUES ('mine')");

                assertThat(single(sql, "SELECT note FROM " + owner.schema() + ".own_probe")).isEqualTo("mine");
                assertThat(single(sql, "SELECT tableowner FROM pg_tables WHERE schemaname = '" + owner.schema()
                        + "' AND tablename = 'own_probe'")).isEqualTo(owner.role());
                sql.execute("DROP TABLE " + owner.schema() + ".own_probe");
            }
        }
    }

    @Test
    void noRoleReadsOrWritesAnotherServicesSchema() throws Exception {
        try (Connection admin = superuser(postgres.connectionString()); Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS identity.signing_key (kid text, private_key text)");
            sql.execute("ALTER TABLE identity.signing_key OWNER TO identity");
            for (SchemaOwner owner : SchemaOwner.SERVICES) {
                sql.execute("CREATE TABLE IF NOT EXISTS " + owner.schema() + ".secret (value text)");
                sql.execute("ALTER TABLE " + owner.schema() + ".secret OWNER TO " + owner.role());
            }
        }
        try (Connection catalog = loginAs("catalog", postgres.connectionString());
             Statement sql = catalog.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM identity.signing_key"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema identity")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
        }

        for (SchemaOwner reader : SchemaOwner.SERVICES) {
            try (Connection connection = loginAs(reader.role(), postgres.connectionString());
                 Statement sql = connection.createStatement()) {
                for (SchemaOwner other : SchemaOwner.SERVICES) {
                    if (other.equals(reader)) {
                        continue;
                    }
                    assertThatThrownBy(() -> sql.executeQuery("SELECT count(*) FROM " + other.schema() + ".secret"))
                            .as(reader.role() + " reading " + other.schema())
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
                    assertThatThrownBy(() -> sql.execute("CREATE TABLE " + other.schema() + ".intruder (id int)"))
                            .as(reader.role() + " creating in " + other.schema())
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
                }
                assertThatThrownBy(() -> sql.execute("CREATE TABLE public.intruder (id int)"))
                        .as(reader.role() + " creating in public")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
                assertThatThrownBy(() -> sql.execute("CREATE SCHEMA intruder"))
                        .as(reader.role() + " creating a schema")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
            }
        }
    }

    @Test
    void noRoleMayUseASchemaOfAnotherService() throws Exception {
        try (Connection admin = superuser(postgres.connectionString()); Statement sql = admin.createStatement()) {
            for (SchemaOwner role : SchemaOwner.SERVICES) {
                for (SchemaOwner owner : SchemaOwner.SERVICES) {
                    String privileges = single(sql, "SELECT has_schema_privilege('" + role.role() + "', '"
                            + owner.schema() + "', 'USAGE') || ',' || has_schema_privilege('" + role.role() + "', '"
                            + owner.schema() + "', 'CREATE')");
                    assertThat(privileges).as(role.role() + " on " + owner.schema())
                            .isEqualTo(role.equals(owner) ? "true,true" : "false,false");
                }
            }
        }
    }

    @Test
    void noRoleIsASuperuserNorCreatesRolesOrDatabases() throws Exception {
        try (Connection admin = superuser(postgres.connectionString()); Statement sql = admin.createStatement();
             ResultSet roles = sql.executeQuery("SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                     + " rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname IN ('identity', 'catalog', 'inventory',"
                     + " 'orders', 'payment') ORDER BY rolname")) {
            List<String> found = new ArrayList<>();
            while (roles.next()) {
                found.add(roles.getString(1));
                for (int column = 2; column <= 6; column++) {
                    assertThat(roles.getBoolean(column)).as(roles.getString(1) + " column " + column).isFalse();
                }
                assertThat(roles.getBoolean(7)).as(roles.getString(1) + " logs in").isTrue();
            }
            assertThat(found).containsExactly("catalog", "identity", "inventory", "orders", "payment");
        }
    }

    @Test
    void everyLoginNeedsItsPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.connectionString(), "postgres", ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.connectionString(), "postgres", "guess"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(WRONG_PASSWORD));
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.connectionString(), "catalog",
                postgres.login("identity").password()))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(WRONG_PASSWORD));
    }

    @Test
    void aFreshDatabaseHasEachServicesSchemaOwnedByItsRole() throws Exception {
        String url = postgres.createFreshDatabase("roles_probe");

        try (Connection catalog = loginAs("catalog", url); Statement sql = catalog.createStatement()) {
            sql.execute("CREATE TABLE catalog.product (sku text)");
            assertThatThrownBy(() -> sql.execute("CREATE TABLE identity.product (sku text)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
        }
        assertThat(postgres.springProperties(url, "catalog")).containsEntry("spring.datasource.username", "catalog")
                .containsEntry("spring.datasource.password", postgres.login("catalog").password());
        assertThat(postgres.login("cart")).isEqualTo(new PostgresStore.Login("postgres", postgres.password()));
    }

    /**
     * A data directory from before roles: the server trusted every local login, the superuser had no password, and
     * the services, logged in as the superuser, made it the owner of their schemas and everything in them.
     */
    @Test
    void aDataDirectoryFromBeforeRolesIsHandedToTheRolesAndLockedWithPasswords(@TempDir Path data) throws Exception {
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start();
             Connection admin = before.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA catalog");
            sql.execute("CREATE TABLE catalog.product (id serial PRIMARY KEY, sku text)");
            sql.execute("CREATE TABLE catalog.flyway_schema_history (installed_rank int PRIMARY KEY)");
            sql.execute("CREATE SEQUENCE catalog.price_version");
            sql.execute("CREATE TYPE catalog.colour AS ENUM ('red', 'blue')");
            sql.execute("CREATE VIEW catalog.skus AS SELECT sku FROM catalog.product");
            sql.execute("CREATE FUNCTION catalog.next_version() RETURNS bigint LANGUAGE sql"
                    + " AS 'SELECT nextval(''catalog.price_version'')'");
            sql.execute("INSERT INTO catalog.product (sku) VALUES ('HKT-00001')");
            sql.execute("CREATE SCHEMA identity");
            sql.execute("CREATE TABLE identity.signing_key (kid text, private_key text)");
            sql.execute("CREATE SCHEMA payments");
            sql.execute("CREATE TABLE payments.payment (id bigint GENERATED ALWAYS AS IDENTITY, amount bigint)");
        }

        StoreCredentials credentials = StoreCredentials.generated();
        try (PostgresStore after = PostgresStore.start(0, data, credentials)) {
            assertOwnedByTheirRoles(after);
            try (Connection catalog = loginAs(after, "catalog"); Statement sql = catalog.createStatement()) {
                sql.execute("INSERT INTO catalog.product (sku) VALUES ('HKT-00002')");
                assertThat(single(sql, "SELECT count(*) FROM catalog.skus")).isEqualTo("2");
                assertThat(single(sql, "SELECT catalog.next_version()")).isEqualTo("1");
                assertThat(single(sql, "SELECT 'red'::catalog.colour")).isEqualTo("red");
                assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM identity.signing_key"))
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
            }
            try (Connection payment = loginAs(after, "payment"); Statement sql = payment.createStatement()) {
                sql.execute("INSERT INTO payments.payment (amount) VALUES (2499)");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(after.connectionString(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThat(ClientAuthentication.trustsAnyone(data.resolve(ClientAuthentication.FILE))).isFalse();
        }

        // Once more on the same directory: nothing left to hand over, and new role passwords take effect.
        Map<String, String> newPasswords = new LinkedHashMap<>(credentials.databasePasswords());
        newPasswords.put("catalog", StoreCredentials.randomSecret());
        StoreCredentials rotated = new StoreCredentials(credentials.postgresSuperuserPassword(), newPasswords,
                credentials.redisAdminPassword(), credentials.redisPasswords());
        try (PostgresStore again = PostgresStore.start(0, data, rotated)) {
            assertOwnedByTheirRoles(again);
            try (Connection catalog = loginAs(again, "catalog"); Statement sql = catalog.createStatement()) {
                assertThat(single(sql, "SELECT count(*) FROM catalog.product")).isEqualTo("2");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(again.connectionString(), "catalog",
                    credentials.databasePassword("catalog")))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(WRONG_PASSWORD));
        }
    }

    private static void assertOwnedByTheirRoles(PostgresStore store) throws SQLException {
        try (Connection admin = superuser(store, store.connectionString()); Statement sql = admin.createStatement();
             ResultSet objects = sql.executeQuery("""
                     SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('catalog', 'identity', 'payments')
                     UNION ALL SELECT n.nspname, p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p
                     JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('catalog', 'identity', 'payments')
                     UNION ALL SELECT n.nspname, t.typname, pg_get_userbyid(t.typowner) FROM pg_type t
                     JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname IN ('catalog', 'identity', 'payments')
                     UNION ALL SELECT nspname, '(schema)', pg_get_userbyid(nspowner) FROM pg_namespace
                     WHERE nspname IN ('catalog', 'identity', 'payments')
                     """)) {
            Map<String, String> expected = Map.of("catalog", "catalog", "identity", "identity", "payments", "payment");
            int count = 0;
            while (objects.next()) {
                count++;
                assertThat(objects.getString(3)).as(objects.getString(1) + "." + objects.getString(2))
                        .isEqualTo(expected.get(objects.getString(1)));
            }
            assertThat(count).isGreaterThan(10);
        }
    }

    private static Connection loginAs(String role, String url) throws SQLException {
        return DriverManager.getConnection(url, role, postgres.login(role).password());
    }

    private static Connection loginAs(PostgresStore store, String role) throws SQLException {
        return DriverManager.getConnection(store.connectionString(), role, store.login(role).password());
    }

    private static Connection superuser(String url) throws SQLException {
        return superuser(postgres, url);
    }

    private static Connection superuser(PostgresStore store, String url) throws SQLException {
        return DriverManager.getConnection(url, store.user(), store.password());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}

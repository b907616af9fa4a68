package io.shopscale.stores;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Gives each service with a database a login role of its own that owns its schema and nothing else: it can neither
 * read another service's schema nor create anything outside its own. Idempotent, so it runs at every start and
 * repairs whatever an earlier run left: passwords that changed, schemas and objects that belong to the superuser
 * (created by services that logged in as it), grants that should not be there.
 */
final class DatabaseRoles {

    // The queries below print object names with ::regclass, ::regtype and ::regprocedure, which qualify a name with
    // its schema only when the schema is not on the search path: with just pg_catalog on it, every name is qualified.
    private static final String QUALIFIED_NAMES = "SET LOCAL search_path = pg_catalog";

    private static final String RELATIONS = """
            SELECT format('ALTER %s %s OWNER TO %I',
                          CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                         WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                          c.oid::regclass, ?)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind::text = ANY (?) AND pg_get_userbyid(c.relowner) <> ?
            """;

    private static final String TYPES = """
            SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                          t.oid::regtype, ?)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid
            WHERE n.nspname = ? AND t.typtype IN ('c', 'd', 'e', 'r') AND (t.typrelid = 0 OR c.relkind = 'c')
              AND pg_get_userbyid(t.typowner) <> ?
            """;

    private static final String ROUTINES = """
            SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ?)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ? AND pg_get_userbyid(p.proowner) <> ?
            """;

    /** Memberships would pass on another role's rights (pg_read_all_data reads every table). */
    private static final String MEMBERSHIPS = """
            SELECT format('REVOKE %I FROM %I', pg_get_userbyid(m.roleid), pg_get_userbyid(m.member))
            FROM pg_auth_members m
            WHERE pg_get_userbyid(m.member) = ANY (?)
            """;

    private final StoreCredentials credentials;

    DatabaseRoles(StoreCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * Across the cluster: each role exists, logs in with its current password and holds no power beyond what its
     * schemas give it.
     */
    void provisionRoles(Connection superuser) throws SQLException {
        inTransaction(superuser, () -> {
            for (SchemaOwner owner : SchemaOwner.SERVICES) {
                execute(superuser, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + owner.role()
                        + "') THEN CREATE ROLE " + owner.role() + "; END IF; END $$");
                execute(superuser, "ALTER ROLE " + owner.role() + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                        + " NOREPLICATION NOBYPASSRLS");
                // Hashed (SCRAM) here, so the password itself never reaches the server or its logs.
                superuser.unwrap(PGConnection.class).alterUserPassword(owner.role(),
                        credentials.databasePassword(owner.role()).toCharArray(), "scram-sha-256");
            }
            executeEach(superuser, MEMBERSHIPS, roleNames(superuser));
        });
    }

    /**
     * In the database {@code superuser} is connected to: each service's schema exists and belongs to its role with
     * every table, sequence, type and routine in it, and no other role may use it. Flyway then migrates as the role
     * and creates what it creates as the role.
     */
    void provisionSchemas(Connection superuser) throws SQLException {
        inTransaction(superuser, () -> {
            execute(superuser, QUALIFIED_NAMES);
            // PostgreSQL 15 and later already keep PUBLIC from creating in public and in the database.
            execute(superuser, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            execute(superuser, "DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM PUBLIC', "
                    + "current_database()); END $$");
            for (SchemaOwner owner : SchemaOwner.SERVICES) {
                execute(superuser, "CREATE SCHEMA IF NOT EXISTS " + owner.schema() + " AUTHORIZATION " + owner.role());
                execute(superuser, "ALTER SCHEMA " + owner.schema() + " OWNER TO " + owner.role());
                execute(superuser, "REVOKE ALL ON SCHEMA " + owner.schema() + " FROM PUBLIC, " + others(owner));
                handOver(superuser, owner);
            }
        });
    }

    /**
     * Makes the role the owner of everything in its schema. Tables first: a sequence that belongs to a column
     * (serial, identity) moves with its table, and PostgreSQL refuses to move such a sequence on its own.
     */
    private static void handOver(Connection superuser, SchemaOwner owner) throws SQLException {
        executeEach(superuser, RELATIONS, owner.role(), owner.schema(), kinds(superuser, "r", "p", "v", "m", "f"),
                owner.role());
        executeEach(superuser, RELATIONS, owner.role(), owner.schema(), kinds(superuser, "S"), owner.role());
        executeEach(superuser, TYPES, owner.role(), owner.schema(), owner.role());
        executeEach(superuser, ROUTINES, owner.role(), owner.schema(), owner.role());
    }

    private static String others(SchemaOwner owner) {
        return SchemaOwner.SERVICES.stream().filter(other -> !other.equals(owner)).map(SchemaOwner::role)
                .collect(Collectors.joining(", "));
    }

    private static Array roleNames(Connection connection) throws SQLException {
        return connection.createArrayOf("text", SchemaOwner.SERVICES.stream().map(SchemaOwner::role).toArray());
    }

    private static Array kinds(Connection connection, String... kinds) throws SQLException {
        return connection.createArrayOf("text", kinds);
    }

    /** Runs the query, which writes statements, and then each statement it wrote. */
    private static void executeEach(Connection connection, String query, Object... parameters) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        for (String statement : statements) {
            execute(connection, statement);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** All or nothing: a provisioning cut short leaves the database as it found it. */
    private static void inTransaction(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}

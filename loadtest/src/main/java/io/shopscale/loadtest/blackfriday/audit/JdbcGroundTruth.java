package io.shopscale.loadtest.blackfriday.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads inventory's, orders' and payment's own tables over JDBC (schemas {@code inventory}, {@code orders} and
 * {@code payments}, as their Flyway migrations create them), read-only, on one connection. Reading another service's
 * tables is what services must not do; an auditor from outside is exactly who should. Each question is one
 * repeatable-read transaction, so its answers describe one moment even while the platform keeps writing. The SQL
 * itself is in {@link RunQueries}.
 */
public final class JdbcGroundTruth implements GroundTruth, AutoCloseable {

    static final List<String> TABLES = List.of("inventory.stock", "inventory.reservation", "orders.orders",
            "orders.order_line", "orders.idempotency_key", "payments.payment", "payments.extra_charge");

    private final Connection connection;

    private JdbcGroundTruth(Connection connection) {
        this.connection = connection;
    }

    /** Connects and checks that every table is there and readable, so a wrong URL fails before any load is sent. */
    public static JdbcGroundTruth connect(String url, String user, String password) throws AuditException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "120");
        properties.setProperty("ApplicationName", "shopscale-bench-auditor");
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            try (var statement = connection.createStatement()) {
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                for (String table : TABLES) {
                    statement.execute("SELECT 1 FROM " + table + " LIMIT 1");
                }
            }
            catch (SQLException ex) {
                connection.close();
                throw ex;
            }
            return new JdbcGroundTruth(connection);
        }
        catch (SQLException ex) {
            throw new AuditException("cannot read the platform's database at " + url + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized Baseline baseline() throws AuditException {
        return atOneMoment("reading inventory.stock", () -> new Baseline(RunQueries.now(this), RunQueries.stock(this)));
    }

    @Override
    public synchronized StoreReading read(RunScope scope) throws AuditException {
        return atOneMoment("reading the run's rows", () -> RunQueries.read(this, scope));
    }

    @Override
    public synchronized Pending pending(RunScope scope) throws AuditException {
        return atOneMoment("reading what is still pending", () -> RunQueries.pending(this, scope));
    }

    <T> List<T> list(String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> list = new ArrayList<>();
                while (rows.next()) {
                    list.add(row.read(rows));
                }
                return list;
            }
        }
    }

    Array uuids(Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    Array texts(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private <T> T atOneMoment(String what, Work<T> work) throws AuditException {
        try {
            connection.setAutoCommit(false);
            try {
                return work.run();
            }
            finally {
                // Read-only: nothing to keep, and the snapshot is let go of at once.
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException ex) {
            throw new AuditException(what + " failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        }
        catch (SQLException ex) {
            // Read-only and finished: nothing is lost.
        }
    }

    /** One row to one value. */
    @FunctionalInterface
    interface Row<T> {

        T read(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {

        T run() throws SQLException;
    }
}

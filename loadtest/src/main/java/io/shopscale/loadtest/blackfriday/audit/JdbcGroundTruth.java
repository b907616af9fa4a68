package io.shopscale.loadtest.blackfriday.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads inventory's and orders' own tables over JDBC (schemas {@code inventory} and {@code orders}, as their Flyway
 * migrations create them), read-only, on one connection. Reading another service's tables is what services must not
 * do; an auditor from outside is exactly who should.
 */
public final class JdbcGroundTruth implements GroundTruth, AutoCloseable {

    private final Connection connection;

    private JdbcGroundTruth(Connection connection) {
        this.connection = connection;
    }

    /** Connects and checks that both tables are there, so a wrong URL fails before any load is sent. */
    public static JdbcGroundTruth connect(String url, String user, String password) throws AuditException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "120");
        properties.setProperty("ApplicationName", "shopscale-bench-auditor");
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setReadOnly(true);
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT 1 FROM inventory.stock LIMIT 1");
                statement.execute("SELECT 1 FROM orders.orders LIMIT 1");
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
    public synchronized Map<String, StockLevel> stock() throws AuditException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sku, available, reserved, sold FROM inventory.stock");
             ResultSet rows = statement.executeQuery()) {
            Map<String, StockLevel> stock = new HashMap<>();
            while (rows.next()) {
                String sku = rows.getString(1);
                stock.put(sku, new StockLevel(sku, rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
            return stock;
        }
        catch (SQLException ex) {
            throw new AuditException("reading inventory.stock failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized List<OrderRecord> orders(Collection<String> userIds, Collection<UUID> orderIds)
            throws AuditException {
        String sql = "SELECT id, user_id, status, cancel_reason, total, currency, placed_at, updated_at "
                + "FROM orders.orders WHERE user_id = ANY(?) OR id = ANY(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, userIds, orderIds);
            try (ResultSet rows = statement.executeQuery()) {
                List<OrderRecord> orders = new ArrayList<>();
                while (rows.next()) {
                    orders.add(new OrderRecord(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getLong(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class).toInstant(),
                            rows.getObject(8, OffsetDateTime.class).toInstant()));
                }
                return orders;
            }
        }
        catch (SQLException ex) {
            throw new AuditException("reading orders.orders failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized long pending(Collection<String> userIds, Collection<UUID> orderIds) throws AuditException {
        String sql = "SELECT count(*) FROM orders.orders WHERE (user_id = ANY(?) OR id = ANY(?)) AND status = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, userIds, orderIds);
            statement.setString(3, OrderRecord.PENDING);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
        catch (SQLException ex) {
            throw new AuditException("reading orders.orders failed: " + ex.getMessage(), ex);
        }
    }

    private void bind(PreparedStatement statement, Collection<String> userIds, Collection<UUID> orderIds)
            throws SQLException {
        Array users = connection.createArrayOf("text", userIds.toArray());
        Array ids = connection.createArrayOf("uuid", orderIds.toArray());
        statement.setArray(1, users);
        statement.setArray(2, ids);
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
}

package io.shopscale.loadtest.blackfriday.drill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Properties;
import java.util.UUID;

import io.shopscale.loadtest.blackfriday.audit.AuditException;

/**
 * Reads a run's {@link Backlog} from the services' own tables (orders, payments, inventory), read-only, as the
 * auditor reads its ground truth. Work is the run's when it belongs to one of its orders or was created since the
 * load started. Connects when first asked and again after a failure, since a drill may have restarted PostgreSQL
 * under any connection opened before.
 */
final class JdbcBacklog implements AutoCloseable {

    private static final String SQL = """
            SELECT
              (SELECT count(*) FROM orders.orders
                 WHERE (user_id = ANY(?) OR id = ANY(?)) AND status = 'PENDING_PAYMENT'),
              (SELECT count(*) FROM orders.event_publication
                 WHERE completion_date IS NULL AND publication_date >= ?),
              (SELECT count(*) FROM payments.event_publication
                 WHERE completion_date IS NULL AND publication_date >= ?),
              (SELECT count(*) FROM payments.payment
                 WHERE status IN ('PENDING', 'REFUNDING') AND created_at >= ?),
              (SELECT count(*) FROM payments.extra_charge WHERE refunded_at IS NULL AND found_at >= ?),
              (SELECT count(*) FROM inventory.reservation r JOIN orders.orders o ON o.id = r.order_id
                 WHERE r.state = 'RESERVED' AND o.status <> 'PENDING_PAYMENT' AND r.created_at >= ?),
              (SELECT count(*) FROM inventory.reservation r
                 WHERE r.state = 'RESERVED' AND r.created_at >= ?
                   AND NOT EXISTS (SELECT 1 FROM orders.orders o WHERE o.id = r.order_id))
            """;

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    JdbcBacklog(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    synchronized Backlog read(Collection<String> userIds, Collection<UUID> orderIds, Instant since)
            throws AuditException {
        try {
            if (connection == null) {
                connection = connect();
            }
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setArray(1, connection.createArrayOf("text", userIds.toArray()));
                statement.setArray(2, connection.createArrayOf("uuid", orderIds.toArray()));
                OffsetDateTime from = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
                for (int i = 3; i <= 8; i++) {
                    statement.setObject(i, from);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new Backlog(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                            row.getLong(6), row.getLong(7));
                }
            }
        }
        catch (SQLException ex) {
            close();
            throw new AuditException("reading the run's backlog failed: " + ex.getMessage(), ex);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        properties.setProperty("ApplicationName", "shopscale-drill-backlog");
        Connection fresh = DriverManager.getConnection(url, properties);
        fresh.setReadOnly(true);
        return fresh;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ex) {
                // Read-only: nothing is lost.
            }
            connection = null;
        }
    }
}

package io.shopscale.loadtest.blackfriday.drill;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.GroundTruth;
import io.shopscale.loadtest.blackfriday.audit.JdbcGroundTruth;
import io.shopscale.loadtest.blackfriday.audit.OrderRecord;
import io.shopscale.loadtest.blackfriday.audit.StockLevel;

/**
 * The auditor's ground truth on a connection of its own, opened when first asked and opened again once when a read
 * fails: a drill may have restarted PostgreSQL, which ends every connection opened before it.
 */
final class FreshGroundTruth implements GroundTruth, AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private JdbcGroundTruth current;

    FreshGroundTruth(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Map<String, StockLevel> stock() throws AuditException {
        return withRetry(GroundTruth::stock);
    }

    @Override
    public List<OrderRecord> orders(Collection<String> userIds, Collection<UUID> orderIds) throws AuditException {
        return withRetry(truth -> truth.orders(userIds, orderIds));
    }

    @Override
    public long pending(Collection<String> userIds, Collection<UUID> orderIds) throws AuditException {
        return withRetry(truth -> truth.pending(userIds, orderIds));
    }

    private synchronized <T> T withRetry(Read<T> read) throws AuditException {
        try {
            return read.from(connected());
        }
        catch (AuditException first) {
            close();
            return read.from(connected());
        }
    }

    private JdbcGroundTruth connected() throws AuditException {
        if (current == null) {
            current = JdbcGroundTruth.connect(url, user, password);
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @FunctionalInterface
    private interface Read<T> {

        T from(GroundTruth truth) throws AuditException;
    }
}

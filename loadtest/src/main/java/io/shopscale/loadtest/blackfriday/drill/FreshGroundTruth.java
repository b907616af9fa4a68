package io.shopscale.loadtest.blackfriday.drill;

import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.Baseline;
import io.shopscale.loadtest.blackfriday.audit.GroundTruth;
import io.shopscale.loadtest.blackfriday.audit.JdbcGroundTruth;
import io.shopscale.loadtest.blackfriday.audit.Pending;
import io.shopscale.loadtest.blackfriday.audit.RunScope;
import io.shopscale.loadtest.blackfriday.audit.StoreReading;

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
    public Baseline baseline() throws AuditException {
        return withRetry(GroundTruth::baseline);
    }

    @Override
    public StoreReading read(RunScope scope) throws AuditException {
        return withRetry(truth -> truth.read(scope));
    }

    @Override
    public Pending pending(RunScope scope) throws AuditException {
        return withRetry(truth -> truth.pending(scope));
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

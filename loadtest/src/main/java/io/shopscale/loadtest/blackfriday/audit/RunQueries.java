package io.shopscale.loadtest.blackfriday.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The audit's SQL, table by table, run inside the transaction {@link JdbcGroundTruth} holds open for it. Every
 * column named here is one the services' Flyway migrations create.
 */
final class RunQueries {

    /** An order of the run (see {@link RunScope}); parameters: shoppers, accepted ids, since, since. */
    private static final String ORDER_OF_RUN =
            "(o.user_id = ANY(?) OR o.id = ANY(?) OR o.placed_at >= ? OR o.updated_at >= ?)";
    private static final String ORDER_COLUMNS =
            "o.id, o.user_id, o.status, o.cancel_reason, o.total, o.currency, o.placed_at, o.updated_at";

    private RunQueries() {
    }

    static Instant now(JdbcGroundTruth db) throws SQLException {
        return db.list("SELECT now()", rows -> rows.getObject(1, OffsetDateTime.class).toInstant()).getFirst();
    }

    static Map<String, StockLevel> stock(JdbcGroundTruth db) throws SQLException {
        Map<String, StockLevel> stock = new HashMap<>();
        db.list("SELECT sku, available, reserved, sold FROM inventory.stock", rows -> new StockLevel(rows.getString(1),
                rows.getLong(2), rows.getLong(3), rows.getLong(4))).forEach(level -> stock.put(level.sku(), level));
        return stock;
    }

    /**
     * The run's orders first; then the reservations, payments and extra charges of those orders or written in the
     * window; then any order those name that the first read missed (placed a moment before the window by a clock a
     * little behind the database's), so that "not stored" in a check means not stored.
     */
    static StoreReading read(JdbcGroundTruth db, RunScope scope) throws SQLException {
        Map<String, StockLevel> stock = stock(db);
        List<OrderRecord> orders = new ArrayList<>(db.list("SELECT " + ORDER_COLUMNS + " FROM orders.orders o WHERE "
                + ORDER_OF_RUN, RunQueries::order, ofRun(db, scope)));
        Set<UUID> ids = idsOf(orders);
        ids.addAll(scope.accepted());
        OffsetDateTime since = at(scope.since());
        List<StoreReading.Reservation> reservations = db.list("SELECT order_id, state FROM inventory.reservation "
                + "WHERE order_id = ANY(?) OR created_at >= ?", rows -> new StoreReading.Reservation(
                        rows.getObject(1, UUID.class), rows.getString(2)), db.uuids(ids), since);
        List<StoreReading.Payment> payments = db.list("SELECT order_id, status, charge_id FROM payments.payment "
                + "WHERE order_id = ANY(?) OR created_at >= ?", rows -> new StoreReading.Payment(
                        rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)), db.uuids(ids), since);
        List<StoreReading.ExtraCharge> extras = db.list("SELECT charge_id, order_id, refunded_at IS NOT NULL "
                + "FROM payments.extra_charge WHERE order_id = ANY(?) OR found_at >= ?", rows ->
                        new StoreReading.ExtraCharge(rows.getString(1), rows.getObject(2, UUID.class),
                                rows.getBoolean(3)), db.uuids(ids), since);
        Set<UUID> named = new HashSet<>();
        reservations.forEach(r -> named.add(r.orderId()));
        payments.forEach(p -> named.add(p.orderId()));
        extras.forEach(e -> named.add(e.orderId()));
        named.removeAll(idsOf(orders));
        if (!named.isEmpty()) {
            orders.addAll(db.list("SELECT " + ORDER_COLUMNS + " FROM orders.orders o WHERE o.id = ANY(?)",
                    RunQueries::order, db.uuids(named)));
        }
        List<UUID> confirmed = orders.stream().filter(o -> OrderRecord.CONFIRMED.equals(o.status()))
                .map(OrderRecord::id).toList();
        List<StoreReading.Line> lines = db.list("SELECT order_id, sku, quantity FROM orders.order_line "
                + "WHERE order_id = ANY(?)", rows -> new StoreReading.Line(rows.getObject(1, UUID.class),
                        rows.getString(2), rows.getInt(3)), db.uuids(confirmed));
        List<StoreReading.AcceptedKey> keys = db.list("SELECT user_id, key, order_id FROM orders.idempotency_key "
                + "WHERE user_id = ANY(?) AND state = 'COMPLETED' AND response_status = 202", rows ->
                        new StoreReading.AcceptedKey(rows.getString(1), rows.getString(2),
                                rows.getObject(3, UUID.class)), db.texts(scope.shoppers()));
        return new StoreReading(stock, orders, lines, reservations, payments, extras, keys);
    }

    static Pending pending(JdbcGroundTruth db, RunScope scope) throws SQLException {
        long orders = count(db, "SELECT count(*) FROM orders.orders o WHERE o.status = 'PENDING_PAYMENT' AND "
                + ORDER_OF_RUN, ofRun(db, scope));
        // Reservations of finished orders: their release or confirmation is on its way. And reservations made in the
        // window for which no order was stored (a checkout abandoned half-way by a fault): orders gives those back
        // within about a minute, long before they would expire.
        long reservations = count(db, "SELECT count(*) FROM inventory.reservation r JOIN orders.orders o "
                + "ON o.id = r.order_id WHERE r.state = 'RESERVED' AND o.status <> 'PENDING_PAYMENT' AND "
                + ORDER_OF_RUN, ofRun(db, scope))
                + count(db, "SELECT count(*) FROM inventory.reservation r WHERE r.state = 'RESERVED' "
                + "AND r.created_at >= ? AND NOT EXISTS (SELECT 1 FROM orders.orders o WHERE o.id = r.order_id)",
                at(scope.since()));
        // The shoppers' orders no client saw are placed in the window, and so are their payments and extra charges.
        long payments = count(db, "SELECT count(*) FROM payments.payment WHERE status IN ('PENDING', 'REFUNDING') "
                + "AND (order_id = ANY(?) OR created_at >= ?)", db.uuids(scope.accepted()), at(scope.since()));
        long extraCharges = count(db, "SELECT count(*) FROM payments.extra_charge WHERE refunded_at IS NULL "
                + "AND (order_id = ANY(?) OR found_at >= ?)", db.uuids(scope.accepted()), at(scope.since()));
        return new Pending(orders, reservations, payments, extraCharges);
    }

    private static Object[] ofRun(JdbcGroundTruth db, RunScope scope) throws SQLException {
        return new Object[] {db.texts(scope.shoppers()), db.uuids(scope.accepted()), at(scope.since()),
            at(scope.since())};
    }

    private static long count(JdbcGroundTruth db, String sql, Object... parameters) throws SQLException {
        return db.list(sql, rows -> rows.getLong(1), parameters).getFirst();
    }

    private static OrderRecord order(ResultSet rows) throws SQLException {
        return new OrderRecord(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getLong(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class).toInstant(),
                rows.getObject(8, OffsetDateTime.class).toInstant());
    }

    private static Set<UUID> idsOf(Collection<OrderRecord> orders) {
        Set<UUID> ids = new HashSet<>();
        orders.forEach(order -> ids.add(order.id()));
        return ids;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

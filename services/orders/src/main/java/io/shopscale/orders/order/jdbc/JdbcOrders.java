package io.shopscale.orders.order.jdbc;

import io.shopscale.orders.order.CancelReason;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderId;
import io.shopscale.orders.order.OrderLine;
import io.shopscale.orders.order.OrderPage;
import io.shopscale.orders.order.OrderStatus;
import io.shopscale.orders.order.Orders;
import io.shopscale.orders.order.StatusChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in PostgreSQL: one row per order, its lines and its history in tables of their own. */
@Repository
class JdbcOrders implements Orders {

    private static final String COLUMNS = "id, user_id, currency, placed_at, payment_deadline";

    private final JdbcClient jdbc;

    JdbcOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Order order) {
        jdbc.sql("""
                INSERT INTO orders (id, user_id, status, cancel_reason, currency, total, placed_at, payment_deadline,
                                    updated_at)
                VALUES (:id, :user, :status, :reason, :currency, :total, :placed, :deadline, :placed)""")
                .param("id", order.id().value())
                .param("user", order.userId())
                .param("status", order.status().name())
                .param("reason", name(order.cancelReason()))
                .param("currency", order.currency())
                .param("total", order.total())
                .param("placed", Timestamp.from(order.placedAt()))
                .param("deadline", Timestamp.from(order.paymentDeadline()))
                .update();
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            jdbc.sql("""
                    INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
                    VALUES (:order, :no, :sku, :quantity, :price)""")
                    .param("order", order.id().value())
                    .param("no", i + 1)
                    .param("sku", line.sku())
                    .param("quantity", line.quantity())
                    .param("price", line.unitPrice())
                    .update();
        }
        List<StatusChange> history = order.history();
        for (int i = 0; i < history.size(); i++) {
            insertChange(order.id(), i + 1, history.get(i));
        }
    }

    @Override
    public void update(Order order, StatusChange change) {
        // Guarded by the status the change left, so a transition made concurrently elsewhere is never overwritten.
        List<StatusChange> history = order.history();
        OrderStatus from = history.get(history.size() - 2).status();
        int updated = jdbc.sql("""
                UPDATE orders SET status = :status, cancel_reason = :reason, updated_at = :at
                WHERE id = :id AND status = :from""")
                .param("id", order.id().value())
                .param("from", from.name())
                .param("status", change.status().name())
                .param("reason", name(change.reason()))
                .param("at", Timestamp.from(change.at()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Order " + order.id() + " changed concurrently.");
        }
        insertChange(order.id(), history.size(), change);
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .param("id", id.value())
                .query(JdbcOrders::header)
                .optional()
                .map(header -> complete(List.of(header)).getFirst());
    }

    @Override
    public Optional<Order> lock(OrderId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(JdbcOrders::header)
                .optional()
                .map(header -> complete(List.of(header)).getFirst());
    }

    @Override
    public OrderPage pageOf(String userId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        long offset = (long) page * size;
        List<Header> headers = total <= offset ? List.of()
                : jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = :user"
                        + " ORDER BY placed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                        .param("user", userId)
                        .param("limit", size)
                        .param("offset", offset)
                        .query(JdbcOrders::header)
                        .list();
        return new OrderPage(complete(headers), page, size, total);
    }

    @Override
    public List<Order> lockOverdue(Instant now, int limit) {
        List<Header> headers = jdbc.sql("SELECT " + COLUMNS + " FROM orders"
                        + " WHERE status = 'PENDING_PAYMENT' AND payment_deadline < :now"
                        + " ORDER BY payment_deadline LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcOrders::header)
                .list();
        return complete(headers);
    }

    private void insertChange(OrderId id, int seq, StatusChange change) {
        jdbc.sql("""
                INSERT INTO order_status_change (order_id, seq, status, reason, changed_at)
                VALUES (:order, :seq, :status, :reason, :at)""")
                .param("order", id.value())
                .param("seq", seq)
                .param("status", change.status().name())
                .param("reason", name(change.reason()))
                .param("at", Timestamp.from(change.at()))
                .update();
    }

    // Two queries for any number of orders, not two per order.
    private List<Order> complete(List<Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = headers.stream().map(Header::id).toList();
        Map<UUID, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, sku, quantity, unit_price FROM order_line WHERE order_id IN (:ids)"
                        + " ORDER BY order_id, line_no")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new OrderLine(rs.getString("sku"), rs.getInt("quantity"), rs.getLong("unit_price")));
                });
        Map<UUID, List<StatusChange>> history = new HashMap<>();
        jdbc.sql("SELECT order_id, status, reason, changed_at FROM order_status_change WHERE order_id IN (:ids)"
                        + " ORDER BY order_id, seq")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    String reason = rs.getString("reason");
                    history.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new StatusChange(OrderStatus.valueOf(rs.getString("status")),
                                    reason == null ? null : CancelReason.valueOf(reason),
                                    rs.getTimestamp("changed_at").toInstant()));
                });
        return headers.stream()
                .map(h -> Order.restore(new OrderId(h.id()), h.userId(), lines.get(h.id()), h.currency(),
                        h.placedAt(), h.paymentDeadline(), history.get(h.id())))
                .toList();
    }

    private static Header header(ResultSet rs, int row) throws SQLException {
        return new Header(rs.getObject("id", UUID.class), rs.getString("user_id"), rs.getString("currency"),
                rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("payment_deadline").toInstant());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private record Header(UUID id, String userId, String currency, Instant placedAt, Instant paymentDeadline) {
    }
}

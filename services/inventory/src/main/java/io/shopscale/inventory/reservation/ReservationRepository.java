package io.shopscale.inventory.reservation;

import io.shopscale.inventory.Sku;
import io.shopscale.inventory.reservation.ReserveCommand.Line;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservation tables and the stock moves they cause. Every stock change is a single guarded statement on one
 * row; callers pass lines sorted by SKU, so rows are always locked in the same order and transactions cannot
 * deadlock on them. Lines read back are sorted with the "C" collation: byte order, the same as Java's
 * {@code String.compareTo} for the ASCII a SKU is made of, whatever the database's default collation.
 */
@Repository
class ReservationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ReservationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Claims the order id; empty when a reservation already exists (waiting for a concurrent claim to finish). */
    Optional<Instant> claim(UUID orderId, Duration ttl) {
        return jdbc.sql("""
                        INSERT INTO reservation (order_id, state, expires_at)
                        VALUES (:orderId, 'RESERVED', now() + :ttlMillis * interval '1 millisecond')
                        ON CONFLICT (order_id) DO NOTHING
                        RETURNING expires_at""")
                .param("orderId", orderId)
                .param("ttlMillis", ttl.toMillis())
                .query((rs, row) -> rs.getObject("expires_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    /**
     * Claims every free order id among {@code orderIds} in one statement and returns the claimed ones with their
     * expiry; ids that already hold a reservation are left out (after waiting for a concurrent claim of them to
     * finish). Rows go in in order id order, so transactions claiming overlapping sets wait on each other in one
     * order and never deadlock.
     */
    Map<UUID, Instant> claimAll(Collection<UUID> orderIds, Duration ttl) {
        return jdbc.sql("""
                        INSERT INTO reservation (order_id, state, expires_at)
                        SELECT claim.order_id, 'RESERVED', now() + :ttlMillis * interval '1 millisecond'
                        FROM unnest(CAST(:orderIds AS uuid[])) AS claim(order_id)
                        ORDER BY claim.order_id
                        ON CONFLICT (order_id) DO NOTHING
                        RETURNING order_id, expires_at""")
                .param("orderIds", orderIds.toArray(UUID[]::new))
                .param("ttlMillis", ttl.toMillis())
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Drops claims this transaction made and no longer wants, so a refused order leaves no row behind. Only ever
     * pass ids this same transaction claimed: anything else would delete another order's reservation.
     */
    void unclaim(Collection<UUID> orderIds) {
        jdbc.sql("DELETE FROM reservation WHERE order_id = ANY(CAST(:orderIds AS uuid[]))")
                .param("orderIds", orderIds.toArray(UUID[]::new))
                .update();
    }

    Optional<Stored> find(UUID orderId) {
        return jdbc.sql("SELECT state, expires_at FROM reservation WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, row) -> new Stored(ReservationState.valueOf(rs.getString("state")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The reservation's state, its row locked until the transaction ends. */
    Optional<ReservationState> lock(UUID orderId) {
        return jdbc.sql("SELECT state FROM reservation WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId)
                .query((rs, row) -> ReservationState.valueOf(rs.getString("state")))
                .optional();
    }

    List<Line> lines(UUID orderId) {
        return jdbc.sql("""
                        SELECT sku, quantity FROM reservation_line WHERE order_id = :orderId
                        ORDER BY sku COLLATE "C\"""")
                .param("orderId", orderId)
                .query((rs, row) -> new Line(new Sku(rs.getString("sku")), rs.getInt("quantity")))
                .list();
    }

    void addLines(UUID orderId, List<Line> lines) {
        batch.batchUpdate("INSERT INTO reservation_line (order_id, sku, quantity) VALUES (?, ?, ?)", lines, lines.size(),
                (statement, line) -> {
                    statement.setObject(1, orderId);
                    statement.setString(2, line.sku().value());
                    statement.setInt(3, line.quantity());
                });
    }

    /** One line each for several orders of the same SKU, in one statement; {@code quantities} pair with the ids. */
    void addLines(Sku sku, List<UUID> orderIds, int[] quantities) {
        jdbc.sql("""
                        INSERT INTO reservation_line (order_id, sku, quantity)
                        SELECT line.order_id, :sku, line.quantity
                        FROM unnest(CAST(:orderIds AS uuid[]), CAST(:quantities AS integer[]))
                             AS line(order_id, quantity)""")
                .param("sku", sku.value())
                .param("orderIds", orderIds.toArray(UUID[]::new))
                .param("quantities", quantities)
                .update();
    }

    void setState(UUID orderId, ReservationState state) {
        jdbc.sql("UPDATE reservation SET state = :state, updated_at = now() WHERE order_id = :orderId")
                .param("state", state.name())
                .param("orderId", orderId)
                .update();
    }

    /**
     * Moves the line's units from available to reserved if there are enough, in one statement: the row lock it
     * takes and the re-check PostgreSQL makes after waiting for it mean two callers can never both take the last
     * unit. False when the SKU is short or unknown.
     */
    boolean take(Line line) {
        return jdbc.sql("""
                        UPDATE stock SET available = available - :quantity, reserved = reserved + :quantity,
                                         version = version + 1, updated_at = now()
                        WHERE sku = :sku AND available >= :quantity""")
                .param("quantity", line.quantity())
                .param("sku", line.sku().value())
                .update() == 1;
    }

    OptionalInt available(Sku sku) {
        return jdbc.sql("SELECT available FROM stock WHERE sku = :sku")
                .param("sku", sku.value())
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    /** The SKU's available units with its row locked until the transaction ends; empty for an unknown SKU. */
    OptionalInt lockAvailable(Sku sku) {
        return jdbc.sql("SELECT available FROM stock WHERE sku = :sku FOR UPDATE")
                .param("sku", sku.value())
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    /** Reserved units go back to available; lines must be sorted by SKU. */
    void giveBack(List<Line> lines) {
        move("available = available + ?, reserved = reserved - ?", lines);
    }

    /** Reserved units become sold; lines must be sorted by SKU. */
    void sell(List<Line> lines) {
        move("sold = sold + ?, reserved = reserved - ?", lines);
    }

    /**
     * Marks up to {@code limit} due reservations expired and returns how many, with their lines summed per SKU and
     * sorted. Rows another transaction holds (an instance expiring them, or a confirm in flight) are skipped, not
     * waited for.
     */
    Expired expireDue(int limit) {
        List<ExpiredLine> rows = jdbc.sql("""
                        WITH due AS (
                            SELECT order_id FROM reservation
                            WHERE state = 'RESERVED' AND expires_at <= now()
                            ORDER BY expires_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED),
                        expired AS (
                            UPDATE reservation r SET state = 'EXPIRED', updated_at = now()
                            FROM due WHERE r.order_id = due.order_id
                            RETURNING r.order_id)
                        SELECT l.sku, sum(l.quantity)::integer AS quantity,
                               (SELECT count(*) FROM expired)::integer AS reservations
                        FROM reservation_line l JOIN expired e ON e.order_id = l.order_id
                        GROUP BY l.sku
                        ORDER BY l.sku COLLATE "C\"""")
                .param("limit", limit)
                .query((rs, row) -> new ExpiredLine(rs.getInt("reservations"),
                        new Line(new Sku(rs.getString("sku")), rs.getInt("quantity"))))
                .list();
        return new Expired(rows.isEmpty() ? 0 : rows.getFirst().reservations(),
                rows.stream().map(ExpiredLine::line).toList());
    }

    private void move(String assignments, List<Line> lines) {
        batch.batchUpdate("UPDATE stock SET " + assignments + ", version = version + 1, updated_at = now()"
                + " WHERE sku = ?", lines,
                lines.size(), (statement, line) -> {
                    statement.setInt(1, line.quantity());
                    statement.setInt(2, line.quantity());
                    statement.setString(3, line.sku().value());
                });
    }

    record Stored(ReservationState state, Instant expiresAt) {
    }

    record Expired(int reservations, List<Line> lines) {
    }

    private record ExpiredLine(int reservations, Line line) {
    }
}

package io.shopscale.orders.idempotency;

import io.shopscale.orders.order.OrderId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency_key table. Times come from PostgreSQL's clock, so instances with slightly different clocks
 * agree on when a claim's lock runs out.
 */
@Repository
class IdempotencyKeyRepository {

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(String userId, String key, String requestHash, OrderId orderId, Duration lock) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (user_id, key, request_hash, state, order_id, created_at, locked_until)
                VALUES (:user, :key, :hash, 'IN_FLIGHT', :order, now(), now() + make_interval(secs => :lock))
                ON CONFLICT (user_id, key) DO NOTHING""")
                .param("user", userId)
                .param("key", key)
                .param("hash", requestHash)
                .param("order", orderId.value())
                .param("lock", seconds(lock))
                .update() == 1;
    }

    Optional<StoredKey> find(String userId, String key) {
        return jdbc.sql("""
                SELECT request_hash, state, order_id, response_status, response_body
                FROM idempotency_key WHERE user_id = :user AND key = :key""")
                .param("user", userId)
                .param("key", key)
                .query((rs, row) -> new StoredKey(rs.getString("request_hash"),
                        "COMPLETED".equals(rs.getString("state")),
                        new OrderId(rs.getObject("order_id", UUID.class)),
                        (Integer) rs.getObject("response_status"),
                        rs.getString("response_body")))
                .optional();
    }

    /** Takes over a claim whose lock has run out; only one of several racing requests succeeds. */
    boolean takeOver(String userId, String key, Duration lock) {
        return jdbc.sql("""
                UPDATE idempotency_key SET locked_until = now() + make_interval(secs => :lock)
                WHERE user_id = :user AND key = :key AND state = 'IN_FLIGHT' AND locked_until <= now()""")
                .param("user", userId)
                .param("key", key)
                .param("lock", seconds(lock))
                .update() == 1;
    }

    boolean complete(String userId, String key, OrderId orderId, int status, String body) {
        return jdbc.sql("""
                UPDATE idempotency_key SET state = 'COMPLETED', response_status = :status, response_body = :body
                WHERE user_id = :user AND key = :key AND order_id = :order AND state = 'IN_FLIGHT'""")
                .param("user", userId)
                .param("key", key)
                .param("order", orderId.value())
                .param("status", status)
                .param("body", body)
                .update() == 1;
    }

    void release(String userId, String key, OrderId orderId, OrderId nextOrderId) {
        jdbc.sql("""
                UPDATE idempotency_key SET locked_until = now(), order_id = :next
                WHERE user_id = :user AND key = :key AND order_id = :order AND state = 'IN_FLIGHT'""")
                .param("user", userId)
                .param("key", key)
                .param("order", orderId.value())
                .param("next", nextOrderId.value())
                .update();
    }

    boolean changeOrderId(String userId, String key, OrderId orderId, OrderId nextOrderId) {
        return jdbc.sql("""
                UPDATE idempotency_key SET order_id = :next
                WHERE user_id = :user AND key = :key AND order_id = :order AND state = 'IN_FLIGHT'""")
                .param("user", userId)
                .param("key", key)
                .param("order", orderId.value())
                .param("next", nextOrderId.value())
                .update() == 1;
    }

    /** Claims in flight whose lock ran out at least {@code idle} ago, oldest first. */
    List<AbandonedClaim> abandoned(Duration idle, int limit) {
        return jdbc.sql("""
                SELECT user_id, key, order_id FROM idempotency_key
                WHERE state = 'IN_FLIGHT' AND locked_until < now() - make_interval(secs => :idle)
                ORDER BY locked_until LIMIT :limit""")
                .param("idle", seconds(idle))
                .param("limit", limit)
                .query((rs, row) -> new AbandonedClaim(rs.getString("user_id"), rs.getString("key"),
                        new OrderId(rs.getObject("order_id", UUID.class))))
                .list();
    }

    /** Deletes an abandoned claim, unless a retry took it over or moved it to another order id meanwhile. */
    boolean forget(AbandonedClaim claim) {
        return jdbc.sql("""
                DELETE FROM idempotency_key
                WHERE user_id = :user AND key = :key AND order_id = :order AND state = 'IN_FLIGHT'
                  AND locked_until < now()""")
                .param("user", claim.userId())
                .param("key", claim.key())
                .param("order", claim.orderId().value())
                .update() == 1;
    }

    // A claim still in flight is never deleted under a running request.
    int deleteOlderThan(Duration retention) {
        return jdbc.sql("""
                DELETE FROM idempotency_key
                WHERE created_at < now() - make_interval(secs => :retention)
                  AND (state = 'COMPLETED' OR locked_until < now())""")
                .param("retention", seconds(retention))
                .update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

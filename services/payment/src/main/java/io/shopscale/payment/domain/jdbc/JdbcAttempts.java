package io.shopscale.payment.domain.jdbc;

import io.shopscale.payment.domain.Attempt;
import io.shopscale.payment.domain.Attempts;
import io.shopscale.payment.domain.PaymentId;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Provider calls in PostgreSQL, one row each. */
@Repository
class JdbcAttempts implements Attempts {

    private static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;

    JdbcAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Attempt attempt) {
        String error = attempt.error();
        jdbc.sql("""
                INSERT INTO payment_attempt (payment_id, operation, idempotency_key, outcome, http_status, duration_ms,
                                             error, attempted_at)
                VALUES (:payment, :operation, :key, :outcome, :status, :duration, :error, :at)""")
                .param("payment", attempt.paymentId().value())
                .param("operation", attempt.operation().name())
                .param("key", attempt.idempotencyKey())
                .param("outcome", attempt.outcome())
                .param("status", attempt.httpStatus())
                .param("duration", attempt.duration().toMillis())
                .param("error", error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR))
                .param("at", JdbcPayments.timestamp(attempt.at()))
                .update();
    }

    @Override
    public List<Attempt> of(PaymentId paymentId) {
        return jdbc.sql("""
                SELECT operation, idempotency_key, outcome, http_status, duration_ms, error, attempted_at
                FROM payment_attempt WHERE payment_id = :payment ORDER BY id""")
                .param("payment", paymentId.value())
                .query((rs, row) -> new Attempt(paymentId, Attempt.Operation.valueOf(rs.getString("operation")),
                        rs.getString("idempotency_key"), rs.getString("outcome"),
                        (Integer) rs.getObject("http_status"), Duration.ofMillis(rs.getLong("duration_ms")),
                        rs.getString("error"), JdbcPayments.instant(rs, "attempted_at")))
                .list();
    }
}

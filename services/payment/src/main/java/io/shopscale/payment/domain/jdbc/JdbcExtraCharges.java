package io.shopscale.payment.domain.jdbc;

import io.shopscale.payment.domain.ExtraCharge;
import io.shopscale.payment.domain.ExtraCharges;
import io.shopscale.payment.domain.Payment;
import io.shopscale.payment.domain.PaymentId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Charges owed back in PostgreSQL, one row each; a claim is a lease column on that row. */
@Repository
class JdbcExtraCharges implements ExtraCharges {

    private final JdbcClient jdbc;

    JdbcExtraCharges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(String chargeId, Payment payment, Instant foundAt) {
        return jdbc.sql("""
                        INSERT INTO extra_charge (charge_id, payment_id, order_id, found_at, next_attempt_at)
                        VALUES (:charge, :payment, :order, :found, :found)
                        ON CONFLICT (charge_id) DO NOTHING""")
                .param("charge", chargeId)
                .param("payment", payment.id().value())
                .param("order", payment.terms().orderId())
                .param("found", Timestamp.from(foundAt))
                .update() == 1;
    }

    @Override
    public List<ExtraCharge> claimDue(Instant now, int limit, Instant leasedUntil) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT charge_id FROM extra_charge
                            WHERE refunded_at IS NULL AND next_attempt_at <= :now
                              AND (leased_until IS NULL OR leased_until <= :now)
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE extra_charge e SET attempts = e.attempts + 1, leased_until = :until
                        FROM due
                        WHERE e.charge_id = due.charge_id
                        RETURNING e.charge_id, e.payment_id, e.order_id, e.attempts""")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(leasedUntil))
                .param("limit", limit)
                .query((rs, row) -> new ExtraCharge(rs.getString("charge_id"),
                        new PaymentId(rs.getObject("payment_id", UUID.class)),
                        rs.getObject("order_id", UUID.class), rs.getInt("attempts")))
                .list();
    }

    @Override
    public void refunded(String chargeId, String refundId, Instant at) {
        jdbc.sql("""
                        UPDATE extra_charge SET refund_id = :refund, refunded_at = :at, leased_until = NULL
                        WHERE charge_id = :charge""")
                .param("refund", refundId)
                .param("at", Timestamp.from(at))
                .param("charge", chargeId)
                .update();
    }

    @Override
    public void retryAt(String chargeId, Instant nextAttemptAt) {
        jdbc.sql("UPDATE extra_charge SET next_attempt_at = :next, leased_until = NULL WHERE charge_id = :charge")
                .param("next", Timestamp.from(nextAttemptAt))
                .param("charge", chargeId)
                .update();
    }

    @Override
    public long owed() {
        return jdbc.sql("SELECT count(*) FROM extra_charge WHERE refunded_at IS NULL").query(Long.class).single();
    }
}

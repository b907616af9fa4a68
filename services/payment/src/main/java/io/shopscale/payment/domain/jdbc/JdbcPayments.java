package io.shopscale.payment.domain.jdbc;

import io.shopscale.payment.domain.FailureReason;
import io.shopscale.payment.domain.Payment;
import io.shopscale.payment.domain.PaymentId;
import io.shopscale.payment.domain.PaymentStatus;
import io.shopscale.payment.domain.PaymentTerms;
import io.shopscale.payment.domain.Payments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments in PostgreSQL, one row each; claims and locks are row locks and lease columns on that row. */
@Repository
class JdbcPayments implements Payments {

    private static final String COLUMNS = """
            id, order_id, customer, amount, currency, payment_deadline, created_at, status, key_generation,
            reconciliation_needed, charge_started_at, charge_uncertain_since, order_cancelled, retries,
            next_attempt_at, charge_id, refund_id, failure_reason, decline_code, updated_at""";

    private final JdbcClient jdbc;

    JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Payment payment) {
        PaymentTerms terms = payment.terms();
        Payment.Progress progress = payment.progress();
        return withProgress(jdbc.sql("""
                INSERT INTO payment (id, order_id, customer, amount, currency, payment_deadline, created_at, status,
                                     key_generation, reconciliation_needed, charge_started_at, charge_uncertain_since,
                                     order_cancelled, retries, next_attempt_at, charge_id, refund_id, failure_reason,
                                     decline_code, updated_at)
                VALUES (:id, :order, :customer, :amount, :currency, :deadline, :created, :status, :generation,
                        :reconcile, :started, :uncertain, :cancelled, :retries, :next, :charge, :refund, :reason,
                        :code, :updated)
                ON CONFLICT (order_id) DO NOTHING""")
                .param("id", payment.id().value())
                .param("order", terms.orderId())
                .param("customer", terms.customer())
                .param("amount", terms.amount())
                .param("currency", terms.currency())
                .param("deadline", timestamp(terms.paymentDeadline()))
                .param("created", timestamp(payment.createdAt())), progress)
                .update() == 1;
    }

    @Override
    public Optional<Payment> findByOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = :order")
                .param("order", orderId)
                .query((rs, row) -> payment(rs))
                .optional();
    }

    @Override
    public Optional<Held> lockByOrder(UUID orderId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + ", leased_until > :now AS claimed FROM payment WHERE order_id = :order"
                        + " FOR UPDATE")
                .param("order", orderId)
                .param("now", timestamp(now))
                .query((rs, row) -> new Held(payment(rs), rs.getBoolean("claimed")))
                .optional();
    }

    @Override
    public Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query((rs, row) -> payment(rs))
                .optional();
    }

    @Override
    public Optional<Payment> lockClaimed(PaymentId id, UUID lease) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id AND lease_token = :lease FOR UPDATE")
                .param("id", id.value())
                .param("lease", lease)
                .query((rs, row) -> payment(rs))
                .optional();
    }

    @Override
    public List<Claim> claimDue(Instant now, int limit, Instant leasedUntil) {
        // One statement: the due rows are locked (skipping those another claim holds), stamped with a token each and
        // pushed out of everyone's scan until the lease ends. Should the worker die, the payment is due again then.
        //
        // The same statement writes ahead that a charge may be under way, as Payment.claim says: a pending payment is
        // marked charge_started_at, which its go clears when it stores the provider's answer; a mark still set is a
        // go that never did (its worker died with the answer), and becomes a charge in doubt, looked up before the
        // payment may be cancelled or failed. The mark must be durable before the charge call, and here it costs
        // nothing: the claim writes the row anyway, in the transaction it commits before any call. A transaction of
        // its own right before each call would add a commit per charge for the same guarantee. A go that turns out
        // not to charge (a lookup, a close) clears its mark with its outcome; only if it dies does the mark cost a
        // lookup. SET reads the row as it was, so the mark is tested before it is replaced.
        return jdbc.sql("""
                WITH due AS (
                    SELECT id FROM payment
                    WHERE status IN ('PENDING', 'REFUNDING') AND next_attempt_at <= :now
                    ORDER BY next_attempt_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE payment p
                SET lease_token = gen_random_uuid(), leased_until = :until, next_attempt_at = :until,
                    charge_uncertain_since = CASE WHEN p.charge_started_at IS NOT NULL THEN CAST(:now AS timestamptz)
                                                  ELSE p.charge_uncertain_since END,
                    charge_started_at = CASE WHEN p.status = 'PENDING' THEN CAST(:now AS timestamptz) END
                FROM due
                WHERE p.id = due.id
                RETURNING p.lease_token, """ + prefixed("p.", COLUMNS))
                .param("now", timestamp(now))
                .param("limit", limit)
                .param("until", timestamp(leasedUntil))
                .query((rs, row) -> new Claim(payment(rs), rs.getObject("lease_token", UUID.class)))
                .list();
    }

    @Override
    public void save(Payment payment, boolean keepLease) {
        Payment.Progress progress = payment.progress();
        int updated = withProgress(jdbc.sql("""
                UPDATE payment
                SET status = :status, key_generation = :generation, reconciliation_needed = :reconcile,
                    charge_started_at = :started, charge_uncertain_since = :uncertain, order_cancelled = :cancelled,
                    retries = :retries, next_attempt_at = :next, charge_id = :charge, refund_id = :refund,
                    failure_reason = :reason, decline_code = :code, updated_at = :updated,
                    lease_token = CASE WHEN :keep THEN lease_token END,
                    leased_until = CASE WHEN :keep THEN leased_until END
                WHERE id = :id""")
                .param("id", payment.id().value()), progress)
                .param("keep", keepLease && progress.status() == PaymentStatus.PENDING)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Payment " + payment.id() + " does not exist.");
        }
    }

    @Override
    public void holdOrder(UUID orderId) {
        // A transaction-scoped advisory lock: there may be no row to lock yet. Two orders that share the 64-bit key
        // merely wait for each other.
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits())
                .query((rs, row) -> 1)
                .single();
    }

    @Override
    public boolean recordCancellation(UUID orderId, String reason, Instant at) {
        return jdbc.sql("""
                INSERT INTO cancelled_order (order_id, reason, cancelled_at) VALUES (:order, :reason, :at)
                ON CONFLICT (order_id) DO NOTHING""")
                .param("order", orderId)
                .param("reason", reason)
                .param("at", timestamp(at))
                .update() == 1;
    }

    @Override
    public boolean isCancelled(UUID orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cancelled_order WHERE order_id = :order)")
                .param("order", orderId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Backlog backlog() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
                       min(created_at) FILTER (WHERE status = 'PENDING') AS oldest,
                       count(*) FILTER (WHERE status = 'REFUNDING') AS refunding
                FROM payment WHERE status IN ('PENDING', 'REFUNDING')""")
                .query((rs, row) -> new Backlog(rs.getLong("pending"), instant(rs, "oldest"), rs.getLong("refunding")))
                .single();
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        PaymentTerms terms = new PaymentTerms(rs.getObject("order_id", UUID.class), rs.getString("customer"),
                rs.getLong("amount"), rs.getString("currency"), instant(rs, "payment_deadline"));
        String reason = rs.getString("failure_reason");
        Payment.Progress progress = new Payment.Progress(PaymentStatus.valueOf(rs.getString("status")),
                rs.getInt("key_generation"), rs.getBoolean("reconciliation_needed"), instant(rs, "charge_started_at"),
                instant(rs, "charge_uncertain_since"), rs.getBoolean("order_cancelled"), rs.getInt("retries"),
                instant(rs, "next_attempt_at"), rs.getString("charge_id"), rs.getString("refund_id"),
                reason == null ? null : FailureReason.valueOf(reason), rs.getString("decline_code"),
                instant(rs, "updated_at"));
        return Payment.restore(new PaymentId(rs.getObject("id", UUID.class)), terms, instant(rs, "created_at"),
                progress);
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", Arrays.stream(columns.split(","))
                .map(column -> prefix + column.strip())
                .toList());
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The columns a payment's progress fills, alike when it is inserted and when it is saved. */
    private static JdbcClient.StatementSpec withProgress(JdbcClient.StatementSpec statement, Payment.Progress progress) {
        return statement
                .param("status", progress.status().name())
                .param("generation", progress.keyGeneration())
                .param("reconcile", progress.reconciliationNeeded())
                .param("started", timestamp(progress.chargeStartedAt()))
                .param("uncertain", timestamp(progress.chargeUncertainSince()))
                .param("cancelled", progress.orderCancelled())
                .param("retries", progress.retries())
                .param("next", timestamp(progress.nextAttemptAt()))
                .param("charge", progress.chargeId())
                .param("refund", progress.refundId())
                .param("reason", progress.failureReason() == null ? null : progress.failureReason().name())
                .param("code", progress.declineCode())
                .param("updated", timestamp(progress.updatedAt()));
    }

}

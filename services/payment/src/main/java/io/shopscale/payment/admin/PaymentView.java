package io.shopscale.payment.admin;

import io.shopscale.payment.domain.Attempt;
import io.shopscale.payment.domain.Payment;
import java.time.Instant;
import java.util.List;

/**
 * A payment as operators see it: where it stands (refunds included: {@code REFUNDING} with the charge being
 * returned, {@code REFUNDED} with the provider's refund id) and every call made to the provider for it.
 */
record PaymentView(String paymentId, String orderId, String status, long amount, String currency, String customer,
        String chargeId, String refundId, String failureReason, String declineCode, String idempotencyKey,
        boolean orderCancelled, Instant paymentDeadline, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
        List<AttemptView> attempts) {

    static PaymentView of(Payment payment, List<Attempt> attempts) {
        return new PaymentView(payment.id().toString(), payment.terms().orderId().toString(),
                payment.status().name(), payment.terms().amount(), payment.terms().currency(),
                payment.terms().customer(), payment.chargeId(), payment.refundId(),
                payment.failureReason() == null ? null : payment.failureReason().name(), payment.declineCode(),
                payment.idempotencyKey(), payment.orderCancelled(), payment.terms().paymentDeadline(),
                payment.nextAttemptAt(), payment.createdAt(), payment.updatedAt(),
                attempts.stream().map(AttemptView::of).toList());
    }

    record AttemptView(String operation, String idempotencyKey, String outcome, Integer httpStatus, long durationMs,
            String error, Instant at) {

        static AttemptView of(Attempt attempt) {
            return new AttemptView(attempt.operation().name(), attempt.idempotencyKey(), attempt.outcome(),
                    attempt.httpStatus(), attempt.duration().toMillis(), attempt.error(), attempt.at());
        }
    }
}

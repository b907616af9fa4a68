package io.shopscale.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call to the provider on behalf of a payment, whatever came of it.
 *
 * @param idempotencyKey the key sent with a charge or a refund; null for a lookup
 * @param outcome what came of it, in a word ({@code succeeded}, {@code declined}, {@code timeout}, ...)
 * @param httpStatus the provider's status, null when none came
 * @param error what went wrong, null when nothing did
 */
public record Attempt(PaymentId paymentId, Operation operation, String idempotencyKey, String outcome,
        Integer httpStatus, Duration duration, String error, Instant at) {

    public Attempt {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(at, "at");
    }

    public enum Operation {
        /** {@code POST /v1/charges}. */
        CHARGE,
        /** {@code GET /v1/charges?orderRef=}. */
        LOOKUP,
        /** {@code POST /v1/refunds}. */
        REFUND
    }
}

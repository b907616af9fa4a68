package io.shopscale.payment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One charge to ask the provider for, under an Idempotency-Key of the payment's current key generation.
 *
 * @param notAfter no call for this charge, retries included, may start from this instant on: the payment deadline
 */
public record ChargeRequest(PaymentId paymentId, UUID orderId, String idempotencyKey, long amount, String currency,
        String customer, Instant notAfter) {

    public ChargeRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(notAfter, "notAfter");
    }
}

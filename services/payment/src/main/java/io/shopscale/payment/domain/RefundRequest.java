package io.shopscale.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** The refund of a payment's whole charge, under the payment's one refund Idempotency-Key. */
public record RefundRequest(PaymentId paymentId, UUID orderId, String chargeId, String idempotencyKey) {

    public RefundRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}

package io.shopscale.payment.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A charge the provider made for an order on top of the one its payment recorded. The money is owed back, so it is
 * refunded; {@code attempts} counts the refund requests made for it so far, this one included once claimed.
 */
public record ExtraCharge(String chargeId, PaymentId paymentId, UUID orderId, int attempts) {

    public ExtraCharge {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
    }

    /** The refund of this charge alone, under a key of its own: {@code refund:<charge id>}. */
    public RefundRequest refundRequest() {
        return new RefundRequest(paymentId, orderId, chargeId, "refund:" + chargeId);
    }
}

package io.shopscale.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** A payment's own id, distinct from the order it pays for. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

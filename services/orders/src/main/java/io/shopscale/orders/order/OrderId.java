package io.shopscale.orders.order;

import java.util.Objects;
import java.util.UUID;

/** An order's identity, chosen before the order exists so that stock is reserved under it. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

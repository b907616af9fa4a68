package io.shopscale.orders.order;

import java.util.Objects;

/**
 * One line of an order, priced by the catalog when the order was placed.
 *
 * @param unitPrice minor units of the order's currency
 */
public record OrderLine(String sku, int quantity, long unitPrice) {

    public static final int MAX_QUANTITY = 99;

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY);
        }
        if (unitPrice < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative");
        }
    }

    public long subtotal() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}

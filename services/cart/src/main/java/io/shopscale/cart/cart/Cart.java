package io.shopscale.cart.cart;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A user's cart as the API answers it: lines sorted by SKU so the answer is stable, their totals, and when it last
 * changed ({@code null} for a cart that was never filled or has expired).
 */
record Cart(List<CartItem> items, int totalQuantity, int lines, Instant updatedAt) {

    static final Cart EMPTY = new Cart(List.of(), 0, 0, null);

    static Cart of(List<CartItem> items, Instant updatedAt) {
        if (items.isEmpty()) {
            return EMPTY;
        }
        List<CartItem> sorted = items.stream().sorted(Comparator.comparing(CartItem::sku)).toList();
        int total = sorted.stream().mapToInt(CartItem::quantity).sum();
        return new Cart(sorted, total, sorted.size(), updatedAt);
    }
}

package io.shopscale.orders.order;

import java.util.List;

/** One page of a user's orders; {@code page} is zero-based and {@code total} counts all of the user's orders. */
public record OrderPage(List<Order> items, int page, int size, long total) {
}

package io.shopscale.orders.checkout;

/** A catalog price: minor units of an ISO 4217 currency. */
public record Price(long amount, String currency) {
}

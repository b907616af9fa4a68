package io.shopscale.catalog.product;

import java.util.Objects;

/**
 * An amount in the currency's minor units (cents for USD), never a floating-point number.
 *
 * @param amount minor units, e.g. 1999 for 19.99
 * @param currency ISO 4217 code
 */
public record Money(long amount, String currency) {

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }
}

package io.shopscale.catalog.product;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * An admin's new price for a product, written as the catalog writes prices: integer minor units of an ISO 4217
 * currency ({@code {"amount": 1234, "currency": "USD"}} is $12.34). A decimal such as 12.34 is refused rather than
 * guessed at. The cap keeps any order's total (99 units of 100 lines) far from overflowing.
 */
record PriceChange(
        @NotNull(message = "is required: the price in minor units, such as 1234 for 12.34")
        @Positive(message = "must be greater than 0")
        @Digits(integer = 9, fraction = 0,
                message = "must be a whole number of minor units below 1000000000, such as 1234 for 12.34")
        BigDecimal amount,
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
        String currency) {

    Money money() {
        return new Money(amount.longValueExact(), currency);
    }
}

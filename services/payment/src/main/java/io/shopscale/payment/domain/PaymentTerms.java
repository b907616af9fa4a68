package io.shopscale.payment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What is to be charged, as the placed order says: its total in minor units of its currency, the customer (the
 * ordering user's id) and the deadline after which no charge may start.
 */
public record PaymentTerms(UUID orderId, String customer, long amount, String currency, Instant paymentDeadline) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public PaymentTerms {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentDeadline, "paymentDeadline");
        if (customer == null || customer.isBlank() || customer.length() > 200) {
            throw new IllegalArgumentException("the customer must be 1 to 200 characters");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("the amount must not be negative");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("the currency must be three upper-case letters");
        }
    }
}

package io.shopscale.orders.idempotency;

import io.shopscale.platform.web.InvalidParameterException;

/** The client's {@code Idempotency-Key}: 1 to 255 visible characters, chosen by the client per operation. */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(HEADER,
                    "The 'Idempotency-Key' header is required: a unique value (such as a UUID) per checkout.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidParameterException(HEADER,
                    "The 'Idempotency-Key' header must be at most " + MAX_LENGTH + " characters.");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new InvalidParameterException(HEADER, "The 'Idempotency-Key' header must not hold control characters.");
        }
    }
}

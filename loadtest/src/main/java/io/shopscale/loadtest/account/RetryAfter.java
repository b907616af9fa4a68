package io.shopscale.loadtest.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a {@code 429} or {@code 503} asks the client to wait: {@code Retry-After} in seconds or as an HTTP date
 * (RFC 9110 §10.2.3). Missing or unreadable, it is a second; it is capped so a confused server cannot stall a run.
 */
public final class RetryAfter {

    static final Duration DEFAULT = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);

    private RetryAfter() {
    }

    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        String value = header.trim();
        Duration wait;
        if (value.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        }
        else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(now, at);
            }
            catch (DateTimeParseException ex) {
                return DEFAULT;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}

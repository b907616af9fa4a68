package io.shopscale.payment.provider;

import java.time.Duration;

/**
 * What one HTTP call to the provider came to.
 *
 * @param outcome a short label for records and metrics ({@code succeeded}, {@code timeout}, ...)
 * @param httpStatus null when no answer came
 * @param error what went wrong, null when nothing did
 * @param retryable worth asking again with the same key
 * @param providerFailed counts against the provider in the circuit breaker
 */
record ProviderAnswer<T>(T result, String outcome, Integer httpStatus, Duration took, String error,
        boolean retryable, boolean providerFailed) {
}

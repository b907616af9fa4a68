package io.shopscale.payment.provider;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the payment provider is called.
 *
 * @param baseUrl where the provider's API answers
 * @param connectTimeout how long opening a connection may take; past it nothing was sent
 * @param callTimeout how long one call may wait for its answer; past it the outcome is unknown
 * @param maxConcurrentCalls the bulkhead: calls in progress at once per instance
 * @param maxWaitForPermit how long a call waits for a free slot before it is put off
 * @param retry retries of one call under the same key
 * @param circuitBreaker when to stop calling a failing provider for a while
 */
@ConfigurationProperties("shopscale.payment.provider")
public record ProviderProperties(
        @DefaultValue("http://localhost:8090") URI baseUrl,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("2s") Duration callTimeout,
        @DefaultValue("8") int maxConcurrentCalls,
        @DefaultValue("500ms") Duration maxWaitForPermit,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    public ProviderProperties {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("shopscale.payment.provider.max-concurrent-calls must be at least 1");
        }
    }

    /** The longest one charge, lookup or refund can take, all its retries included. */
    public Duration longestCall() {
        Duration one = connectTimeout.plus(callTimeout).plus(maxWaitForPermit);
        return one.multipliedBy(retry.maxAttempts()).plus(retry.maxBackoff().multipliedBy(retry.maxAttempts() - 1));
    }

    /**
     * @param maxAttempts calls in all, the first included
     * @param initialBackoff the pause before the first retry
     * @param multiplier how much each pause grows
     * @param maxBackoff the longest pause
     * @param jitter how far a pause may randomly stray from its value, as a fraction of it
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("2s") Duration maxBackoff,
            @DefaultValue("0.5") double jitter) {
    }

    /**
     * @param slidingWindow how many of the latest calls are judged
     * @param minimumCalls how many calls must be seen before the breaker may open
     * @param failureRate the failure percentage that opens it
     * @param openFor how long it stays open before letting a few trial calls through
     * @param halfOpenCalls how many trial calls decide whether it closes again
     */
    public record CircuitBreaker(
            @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("50") float failureRate,
            @DefaultValue("10s") Duration openFor,
            @DefaultValue("3") int halfOpenCalls) {
    }
}

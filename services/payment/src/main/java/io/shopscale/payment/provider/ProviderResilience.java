package io.shopscale.payment.provider;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Resilience4j registries the provider's guards live in, and their meters: breaker state and calls
 * ({@code resilience4j.circuitbreaker.*}), bulkhead slots ({@code resilience4j.bulkhead.*}) and retries
 * ({@code resilience4j.retry.calls}).
 */
@Configuration(proxyBeanMethods = false)
class ProviderResilience {

    @Bean
    CircuitBreakerRegistry circuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    BulkheadRegistry bulkheads() {
        return BulkheadRegistry.ofDefaults();
    }

    @Bean
    RetryRegistry retries() {
        return RetryRegistry.ofDefaults();
    }

    @Bean
    MeterBinder resilienceMetrics(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, RetryRegistry retries) {
        return meters -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        };
    }
}

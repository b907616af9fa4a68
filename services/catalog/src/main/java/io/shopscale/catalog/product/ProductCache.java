package io.shopscale.catalog.product;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.catalog.CatalogProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside for single products in Redis. The cache is an accelerator, never a dependency: when Redis is slow or
 * gone, reads fall through to PostgreSQL, and a circuit breaker stops paying Redis's timeout on every request until
 * it answers again.
 */
@Component
class ProductCache {

    private static final Logger log = LoggerFactory.getLogger(ProductCache.class);
    // v2: products carry their price version; entries written without it are never read.
    static final String KEY_PREFIX = "catalog:product:v2:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final CircuitBreaker breaker;
    private final Counter hits;
    private final Counter misses;
    private final Counter bypassed;

    ProductCache(StringRedisTemplate redis, JsonMapper json, CatalogProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.cacheTtl();
        this.breaker = CircuitBreaker.of("product-cache", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
        this.bypassed = counter(meters, "bypassed");
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("product cache circuit {}", event.getStateTransition()));
    }

    Optional<Product> get(UUID id) {
        try {
            String cached = breaker.executeSupplier(() -> redis.opsForValue().get(KEY_PREFIX + id));
            if (cached == null) {
                misses.increment();
                return Optional.empty();
            }
            hits.increment();
            return Optional.of(json.readValue(cached, Product.class));
        } catch (RuntimeException e) {
            bypass(e);
            return Optional.empty();
        }
    }

    void put(Product product) {
        try {
            String value = json.writeValueAsString(product);
            breaker.executeRunnable(() -> redis.opsForValue().set(KEY_PREFIX + product.id(), value, ttl));
        } catch (RuntimeException e) {
            bypass(e);
        }
    }

    /**
     * Forgets a product, so the next read takes it from PostgreSQL. If Redis cannot be reached now, an entry written
     * before may be served again once Redis is back, until its TTL runs out; repeating the change evicts it again.
     */
    void evict(UUID id) {
        try {
            breaker.executeRunnable(() -> redis.delete(KEY_PREFIX + id));
        } catch (RuntimeException e) {
            bypass(e);
            log.warn("product {} could not be evicted from the cache; it may be served as cached until the TTL", id);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private void bypass(RuntimeException e) {
        bypassed.increment();
        if (!(e instanceof CallNotPermittedException)) {
            log.debug("product cache unavailable: {}", e.getMessage());
        }
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("catalog.product.cache")
                .description("Product cache lookups by result")
                .tag("result", result)
                .register(meters);
    }
}

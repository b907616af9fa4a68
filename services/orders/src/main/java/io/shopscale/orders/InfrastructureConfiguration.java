package io.shopscale.orders;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.shopscale.platform.web.StoreOutageAdvice;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shared infrastructure beans: a 503 with {@code Retry-After} while PostgreSQL is unreachable, one clock for every
 * timestamp, one registry for the circuit breakers.
 */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    /** Orders are CP: without the database nothing is accepted. */
    @Bean
    StoreOutageAdvice storeOutageAdvice() {
        return new StoreOutageAdvice("order store",
                "Orders are unavailable right now; nothing was changed. Try again shortly.");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CircuitBreakerRegistry circuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }
}

package io.shopscale.payment;

import io.shopscale.platform.web.StoreOutageAdvice;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A 503 with {@code Retry-After} while PostgreSQL is unreachable, and one clock for every timestamp. */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    /** Payment takes in work only with its database; without it, callers are told to come back shortly. */
    @Bean
    StoreOutageAdvice storeOutageAdvice() {
        return new StoreOutageAdvice("payment store", "Payments are unavailable right now. Try again shortly.");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.shopscale.payment;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every timestamp. */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

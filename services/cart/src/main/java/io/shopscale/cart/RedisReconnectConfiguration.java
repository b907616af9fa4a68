package io.shopscale.cart;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis is the cart's only store, so the cart is back exactly when its connection is. Lettuce's default backoff
 * grows to 30 s between reconnect attempts, which would keep answering 503 long after Redis returned; capping it
 * at one second bounds that to about a second.
 */
@Configuration(proxyBeanMethods = false)
class RedisReconnectConfiguration {

    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnect() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }
}

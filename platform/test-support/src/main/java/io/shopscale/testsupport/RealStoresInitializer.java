package io.shopscale.testsupport;

import io.shopscale.stores.LocalStores;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared stores. Each context gets a database of its own, created empty, so
 * Flyway migrates from scratch and no two contexts share rows. A service logs in as its own database role and its
 * own Redis user, as it does on the platform: its migrations run as the role that owns its schema, and it touches
 * only the Redis keys its user may.
 */
public final class RealStoresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalStores stores = SharedStores.get();
        String applicationName = context.getEnvironment().getProperty("spring.application.name", "test");
        String databaseUrl = stores.postgres().createFreshDatabase(applicationName);

        Map<String, Object> connections = new HashMap<>(stores.postgres().springProperties(databaseUrl, applicationName));
        connections.put("spring.data.redis.url", stores.redis().urlFor(applicationName));
        connections.put("spring.kafka.bootstrap-servers", stores.kafka().connectionString());
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("shopscale-test-stores", connections));

        // No registry runs in these tests; a test that wants one overrides this.
        context.getEnvironment().getPropertySources()
                .addLast(new MapPropertySource("shopscale-test-defaults", Map.of("eureka.client.enabled", "false")));
    }
}

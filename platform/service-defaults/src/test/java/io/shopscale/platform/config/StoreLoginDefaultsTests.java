package io.shopscale.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which store logins a service picks from the variables the launcher sets, by its own name. */
class StoreLoginDefaultsTests {

    /** What the compact topology's one process holds: every service's own login, side by side. */
    private static final Map<String, Object> EVERY_SERVICES_LOGIN = Map.of(
            "SHOPSCALE_CATALOG_POSTGRES_USER", "catalog",
            "SHOPSCALE_CATALOG_POSTGRES_PASSWORD", "catalog-secret",
            "SHOPSCALE_IDENTITY_POSTGRES_USER", "identity",
            "SHOPSCALE_IDENTITY_POSTGRES_PASSWORD", "identity-secret",
            "SHOPSCALE_PAYMENT_POSTGRES_USER", "payment",
            "SHOPSCALE_PAYMENT_POSTGRES_PASSWORD", "payment-secret");

    @Test
    void eachServiceLogsInAsItsOwnRoleWithItsOwnPassword() {
        for (String service : new String[] {"catalog", "identity", "payment"}) {
            StandardEnvironment environment = environment(service, EVERY_SERVICES_LOGIN);

            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(service);
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(service + "-secret");
        }
    }

    @Test
    void withoutItsOwnLoginAServiceUsesTheOneUserOfAnExternalServer() {
        Map<String, Object> external = new HashMap<>(EVERY_SERVICES_LOGIN);
        external.put("SHOPSCALE_POSTGRES_USER", "shop");
        external.put("SHOPSCALE_POSTGRES_PASSWORD", "shop-secret");

        StandardEnvironment orders = environment("orders", external);

        assertThat(orders.getProperty("spring.datasource.username")).isEqualTo("shop");
        assertThat(orders.getProperty("spring.datasource.password")).isEqualTo("shop-secret");
        assertThat(environment("catalog", external).getProperty("spring.datasource.username"))
                .as("its own login wins").isEqualTo("catalog");
    }

    @Test
    void eachServiceConnectsToRedisWithItsOwnLoginOrElseTheSharedUrl() {
        Map<String, Object> variables = Map.of(
                "SHOPSCALE_REDIS_URL", "redis://127.0.0.1:16379",
                "SHOPSCALE_CART_REDIS_URL", "redis://cart:cart-secret@127.0.0.1:16379",
                "SHOPSCALE_CATALOG_REDIS_URL", "redis://catalog:catalog-secret@127.0.0.1:16379");

        assertThat(environment("cart", variables).getProperty("spring.data.redis.url"))
                .isEqualTo("redis://cart:cart-secret@127.0.0.1:16379");
        assertThat(environment("catalog", variables).getProperty("spring.data.redis.url"))
                .isEqualTo("redis://catalog:catalog-secret@127.0.0.1:16379");
        assertThat(environment("orders", variables).getProperty("spring.data.redis.url"))
                .isEqualTo("redis://127.0.0.1:16379");
    }

    private static StandardEnvironment environment(String service, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("spring.application.name", service)));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

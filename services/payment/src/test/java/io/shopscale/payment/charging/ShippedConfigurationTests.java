package io.shopscale.payment.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.payment.provider.ProviderProperties;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The defaults in application.yml, bound as the service binds them, hold together. */
class ShippedConfigurationTests {

    @Test
    void theShippedLeaseOutlastsALookupAndAChargeWithAllRetries() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment));

        ProviderProperties provider = binder.bind("shopscale.payment.provider", ProviderProperties.class).get();
        ChargingProperties charging = binder.bind("shopscale.payment.charging", ChargingProperties.class).get();

        assertThat(provider.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(provider.retry().maxAttempts()).isEqualTo(3);
        assertThat(charging.lease()).isGreaterThan(provider.longestCall().multipliedBy(2));
        assertThat(charging.schedule().backoff().apply(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    }
}

package io.shopscale.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's service defaults with the lowest precedence, so every service starts with the same
 * observability, error and store settings while its own application.yml, environment variables and command line
 * still win.
 */
class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "shopscale-service-defaults.yml";

    /**
     * A management port listens on loopback unless told otherwise: health and metrics are for the launcher, the
     * probes and Prometheus on this machine, never for the clients of the service.
     */
    static final String MANAGEMENT_ADDRESS = "management.server.address";

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load("shopscale-service-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        if (hasOwnManagementPort(environment) && !environment.containsProperty(MANAGEMENT_ADDRESS)) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("shopscale-management-address", Map.of(MANAGEMENT_ADDRESS, LOOPBACK)));
        }
    }

    /**
     * Whether the actuator gets a port of its own (Spring Boot's rule: set, not negative, and not the server's own
     * port). Only then may its address be set: Boot refuses an address for a management server that shares the port.
     */
    static boolean hasOwnManagementPort(ConfigurableEnvironment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer server = environment.getProperty("server.port", Integer.class);
        return management != null && management >= 0 && !(management != 0 && management.equals(server));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

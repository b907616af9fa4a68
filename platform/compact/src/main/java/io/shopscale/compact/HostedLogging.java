package io.shopscale.compact;

import java.util.Map;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Logging is one per JVM: Logback's context is global. The host configures it once, as every service would (JSON
 * lines in Elastic Common Schema on standard output), and tells the services' contexts to leave it alone; left to
 * themselves, each would reset it while the others log. Each line still names its service (see
 * {@link HostedServiceNames}).
 */
final class HostedLogging {

    private HostedLogging() {
    }

    static void initialize() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("compact-host", Map.of(
                "spring.application.name", "shopscale",
                "logging.structured.format.console", "ecs",
                "logging.structured.json.customizer", HostedServiceNames.class.getName())));
        LoggingSystem logging = LoggingSystem.get(HostedLogging.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }
}

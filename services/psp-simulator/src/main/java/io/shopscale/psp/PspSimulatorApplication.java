package io.shopscale.psp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * Stands in for an external payment service provider: charges with Stripe-style idempotency, kept in memory, and
 * failure knobs that tests turn while it runs.
 *
 * <p>{@code @SpringBootApplication} spelled out for one extra filter: the admin API ({@code admin} package) belongs
 * to the management context alone, on its own port, so that the charge port can refuse connections during a
 * simulated outage while the admin API keeps answering. Scanned here, it would be served on the charge port too.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = {
        @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @Filter(type = FilterType.REGEX, pattern = "io\\.shopscale\\.psp\\.admin\\..*")})
public class PspSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PspSimulatorApplication.class, args);
    }
}

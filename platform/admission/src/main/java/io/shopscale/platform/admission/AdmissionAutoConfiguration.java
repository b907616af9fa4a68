package io.shopscale.platform.admission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The limiter of whichever server this runs in (the gateway or a service), named after it in its meters. Where the
 * limit is applied is the server's own business: the gateway on each connection, a servlet service in a filter.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "shopscale.admission.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AdmissionProperties.class)
public class AdmissionAutoConfiguration {

    @Bean
    AdmissionControl admissionControl(AdmissionProperties properties, ObjectProvider<MeterRegistry> meters,
                                      @Value("${spring.application.name:server}") String name) {
        return AdmissionControl.create(name, properties, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}

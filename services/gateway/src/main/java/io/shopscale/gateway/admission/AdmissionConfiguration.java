package io.shopscale.gateway.admission;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.platform.admission.AdmissionControl;
import io.shopscale.platform.admission.AdmissionProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Admission control at the edge, with the limits of {@code shopscale.admission} (see application.yml). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "shopscale.admission.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfiguration {

	@Bean
	AdmissionControl admissionControl(AdmissionProperties properties, MeterRegistry meters) {
		return AdmissionControl.create("gateway", properties, meters);
	}

	@Bean
	AdmissionWebFilter admissionWebFilter(AdmissionControl admission) {
		return new AdmissionWebFilter(admission);
	}

}

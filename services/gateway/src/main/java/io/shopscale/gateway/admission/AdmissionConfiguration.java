package io.shopscale.gateway.admission;

import io.shopscale.gateway.edge.ConnectionHandlers;
import io.shopscale.gateway.problem.ConnectionProblems;
import io.shopscale.platform.admission.AdmissionControl;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Admission control at the edge, on every connection, with the limiter of {@code platform/admission} and the limits of
 * {@code shopscale.admission} (see application.yml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "shopscale.admission.enabled", matchIfMissing = true)
class AdmissionConfiguration {

	private static final String HANDLER_NAME = "shopscale.admission";

	/** Each connection gets its own handler: it keeps the slots of the requests it still has to answer. */
	@Bean
	NettyServerCustomizer admissionOnEveryConnection(AdmissionControl admission, JsonMapper json) {
		ConnectionProblems problems = new ConnectionProblems(json);
		return server -> ConnectionHandlers.afterCodec(server, HANDLER_NAME,
				() -> new AdmissionHandler(admission, problems));
	}

}

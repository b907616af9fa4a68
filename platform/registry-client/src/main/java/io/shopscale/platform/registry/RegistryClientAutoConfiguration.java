package io.shopscale.platform.registry;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.netflix.eureka.TimeoutProperties;
import org.springframework.cloud.netflix.eureka.http.DefaultEurekaClientHttpRequestFactorySupplier;
import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier;
import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier.RequestConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Every call of the Eureka client (register, renew, cancel, fetch) carries the registry's HTTP Basic credentials.
 * The registry refuses calls without them, so that nobody else can register an instance under a service's name.
 * <p>
 * Done through the documented extension point of Spring Cloud's RestClient transport (the one in use: neither Jersey
 * nor WebClient is enabled): a bean of {@link EurekaClientHttpRequestFactorySupplier}, which replaces Spring Cloud's
 * default and wraps the same one, so timeouts and TLS settings apply as before.
 */
@AutoConfiguration(
		beforeName = "org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration")
@ConditionalOnClass(EurekaClientHttpRequestFactorySupplier.class)
@ConditionalOnProperty(name = "eureka.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RegistryClientProperties.class)
public class RegistryClientAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RegistryClientAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	EurekaClientHttpRequestFactorySupplier registryRequestsWithCredentials(RegistryClientProperties registry,
			ObjectProvider<TimeoutProperties> timeouts, ObjectProvider<RequestConfigCustomizer> customizers) {
		Set<RequestConfigCustomizer> requestConfig = customizers.orderedStream().collect(Collectors.toSet());
		EurekaClientHttpRequestFactorySupplier transport = new DefaultEurekaClientHttpRequestFactorySupplier(
				timeouts.getIfAvailable(), requestConfig);
		if (!registry.passwordSet()) {
			log.warn("No registry password (shopscale.registry.password, SHOPSCALE_REGISTRY_PASSWORD): calls to the "
					+ "registry go out without credentials, and a registry that requires them refuses them.");
			return transport;
		}
		return new RegistryCredentialsRequests(transport, "Basic "
				+ HttpHeaders.encodeBasicAuth(registry.username(), registry.password(), StandardCharsets.UTF_8));
	}

}

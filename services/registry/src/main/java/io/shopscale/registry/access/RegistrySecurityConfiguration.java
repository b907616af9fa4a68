package io.shopscale.registry.access;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only clients that know the registry's password may register, renew, cancel or read instances, or open the
 * dashboard. Every caller finds identity's signing keys through the registry, so an instance that anyone could
 * register under the name {@code identity} could serve keys of its own and have forged tokens accepted. The probes and
 * metrics stay open: the launcher waits for readiness without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryAccessProperties.class)
class RegistrySecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RegistrySecurityConfiguration.class);

	@Bean
	SecurityFilterChain registrySecurity(HttpSecurity http, RegistryAccessProperties access, JsonMapper json)
			throws Exception {
		// Machine clients that send their credentials with every request: no session to keep (one per heartbeat
		// otherwise), no saved requests, no login page.
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		if (!access.passwordSet()) {
			log.warn("The registry answers anyone without credentials (shopscale.registry.require-password=false): "
					+ "anyone who can reach it can register an instance under any service's name. Tests only.");
			return http.csrf(AbstractHttpConfigurer::disable)
				.httpBasic(AbstractHttpConfigurer::disable)
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.build();
		}
		BasicChallenge challenge = new BasicChallenge(json);
		return http
			// The Eureka REST API is called by programs, which hold no CSRF token. A page in a browser that has the
			// dashboard's credentials cannot forge a call either: the API reads only JSON and XML bodies, and takes
			// PUT and DELETE, which a cross-site page can send only after a CORS preflight the registry never grants.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"))
			.httpBasic(basic -> basic.authenticationEntryPoint(challenge))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(challenge))
			.authorizeHttpRequests(requests -> requests
				// Errors forwarded to /error keep the status they already have.
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus")
				.permitAll()
				.anyRequest().hasRole(RegistryCredentials.CLIENT_ROLE))
			.build();
	}

	/**
	 * As a bean, it also keeps Spring Boot from creating a default user with a generated password. Without a
	 * password it is never asked: HTTP Basic is off then.
	 */
	@Bean
	AuthenticationProvider registryCredentials(RegistryAccessProperties access) {
		return new RegistryCredentials(access.username(), access.passwordSet() ? access.password() : null);
	}

}

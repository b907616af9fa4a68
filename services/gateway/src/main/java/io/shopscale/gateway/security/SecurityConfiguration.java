package io.shopscale.gateway.security;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.gateway.problem.ProblemException;
import io.shopscale.platform.tokens.AccessTokenRules;
import io.shopscale.platform.tokens.KnownSigningKeys;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The edge's token check: a stateless OAuth2 resource server. Tokens are RS256 JWTs from the identity service,
 * verified against its published keys ({@link IdentityKeys}) and its claims ({@link AccessTokenRules}); the
 * {@code roles} claim becomes {@code ROLE_*} authorities.
 * <p>
 * The gateway passes the {@code Authorization} header on unchanged and adds nothing in its place: every service
 * verifies the token again itself, so no service ever trusts a header the gateway (or a caller pretending to be
 * it) could set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtSettings.class)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
		BearerProblems problems = new BearerProblems();
		JwtAuthenticationConverter authentication = AccessTokenRules.rolesAsAuthorities();

		return http.securityMatcher(PublicEndpoints.needingSecurity())
			.authorizeExchange(exchanges -> exchanges.matchers(PublicEndpoints.matcher())
				.permitAll()
				.pathMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenConverter(new BearerTokenConverter())
				.jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
					.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
				.authenticationEntryPoint(problems)
				.authenticationFailureHandler(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// Stateless: no session, no saved requests, no CSRF token (no cookies are read, so there is nothing
			// for a cross-site request to ride on), no login pages.
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// Written for every response, including those that skip this chain, by SecurityHeadersWebFilter.
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.build();
	}

	/**
	 * The metrics and traces that matter at the edge are the request's own ({@code http.server.requests}). An
	 * observation around the security chain and each of its decisions cost 7 to 8% of the gateway's throughput on
	 * authenticated requests (14-16% JWT cost with them, 8% without, measured with scripts/bench-jwt.sh).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** About a megabyte per thousand tokens; beyond this, the least recently used token is verified again. */
	private static final int VERIFIED_TOKENS_KEPT = 5_000;

	/**
	 * Verifies the signature with the identity service's keys, found through discovery ({@code http://identity/...}
	 * goes through the load balancer like the gateway's own routes) and adopted only if they keep a key in use,
	 * pinned to RS256.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(JwtSettings settings, LoadBalancedExchangeFilterFunction loadBalancer,
			MeterRegistry meters) {
		WebClient identity = WebClient.builder().filter(loadBalancer).build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource(new IdentityKeys(identity, settings, new KnownSigningKeys(meters)))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(AccessTokenRules.of(settings.issuer(), settings.audience(), settings.clockSkew(),
				settings.maxLifetime()));
		return new VerifiedTokens(decoder, VERIFIED_TOKENS_KEPT, settings.jwksMaxAge(), Clock.systemUTC(),
				Ticker.systemTicker());
	}

	/**
	 * Spring Security's firewall turns away request lines and headers that could mean different things to the
	 * gateway and to a service behind it (encoded slashes, {@code ..}, {@code ;}, control characters): the
	 * path-based rules above only hold if both read a path the same way. Answered as a 400 problem rather than
	 * the default empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedAsProblem() {
		return (exchange, rejected) -> Mono
			.error(new ProblemException(HttpStatus.BAD_REQUEST, "The request's URL or headers are not accepted."));
	}

}

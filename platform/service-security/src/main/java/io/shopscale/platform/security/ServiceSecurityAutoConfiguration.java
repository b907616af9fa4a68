package io.shopscale.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.platform.tokens.AccessTokenRules;
import io.shopscale.platform.tokens.KnownSigningKeys;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service that owns user data checks the caller's access token itself, even behind the gateway: a stateless
 * OAuth2 resource server verifying identity's RS256 JWTs against its JWKS (fetched through discovery and cached)
 * with the same claim rules as the gateway. No service trusts a user id in a header. {@code /api/admin/**} and
 * the actuator's other endpoints need {@code ADMIN}; the configured public endpoints need nothing; everything
 * else needs a valid token. The caller is {@code @AuthenticationPrincipal Jwt}; its subject is the user id.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, ServiceSecurityProperties properties,
            JsonMapper json, @Value("${spring.application.name:service}") String applicationName) {
        ProblemWriter problems = new ProblemWriter(json);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        AccessDeniedHandler accessDenied = (request, response, denied) -> {
            challenge.handle(request, response, denied);
            problems.write(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "This request needs a role the token does not carry."), request, response);
        };
        String resourceName = "ShopScale " + applicationName;
        RequestMatcher publicEndpoints = PublicEndpoints.matcher(properties.publicEndpoints());
        // A key-fetch failure is answered by the entry point (503), not rethrown into a 500.
        AuthenticationEntryPointFailureHandler failureHandler = new AuthenticationEntryPointFailureHandler(entryPoint);
        failureHandler.setRethrowAuthenticationServiceException(false);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // Errors forwarded to /error keep the status they already have.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(publicEndpoints).permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(ignoredOn(publicEndpoints))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        // Spring Security 7 serves RFC 9728 metadata and points to it from WWW-Authenticate; its
                        // default claims certificate-bound tokens, which identity does not issue.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.resourceName(resourceName)
                                        .tlsClientCertificateBoundAccessTokens(false)))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failureHandler);
                                return filter;
                            }
                        })
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(AccessTokenRules.rolesAsAuthorities())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    /**
     * Verifies signatures with identity's published keys, pinned to RS256. The keys are fetched through the load
     * balancer ({@code http://identity/...}) with a short timeout, cached for {@code keys-max-age}, and adopted only
     * if they keep a key in use ({@link IdentityJwkSetSource}); tokens that passed are remembered
     * ({@link VerifiedTokens}).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder accessTokenDecoder(ServiceSecurityProperties properties,
            ObjectProvider<LoadBalancerInterceptor> loadBalancer, MeterRegistry meters) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.jwksTimeout());
        timeouts.setReadTimeout(properties.jwksTimeout());
        IdentityJwkSetSource keys = new IdentityJwkSetSource(timeouts, loadBalancer.stream().toList(),
                properties.jwkSetUri(), new KnownSigningKeys(meters));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.cached(properties.keysMaxAge()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(AccessTokenRules.of(properties.issuer(), properties.audience(),
                properties.clockSkew(), properties.maxLifetime()));
        return new VerifiedTokens(decoder, properties.verifiedTokens(), properties.keysMaxAge(), Clock.systemUTC(),
                Ticker.systemTicker());
    }

    /**
     * The request's own metrics and traces ({@code http.server.requests}) are what matter; an observation around
     * every security filter, authentication and authorization decision cost more than the token check itself.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Clients often send their token everywhere; on public endpoints it is ignored, so an expired one harms nothing. */
    private static BearerTokenResolver ignoredOn(RequestMatcher publicEndpoints) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> publicEndpoints.matches(request) ? null : header.resolve(request);
    }
}

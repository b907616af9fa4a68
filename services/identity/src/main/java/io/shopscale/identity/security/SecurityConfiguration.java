package io.shopscale.identity.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import io.shopscale.identity.token.TokenIssuer;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A stateless JSON API: no sessions, no CSRF (no cookies to ride on), no login forms. Registration, login, the JWKS
 * and the health and metrics endpoints are public; everything else needs a bearer token this service issued.
 * Authentication and authorization failures are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Reachable without a token. A bearer token sent along to these is ignored, never rejected. */
    static final RequestMatcher PUBLIC = new OrRequestMatcher(
            pathPattern(HttpMethod.POST, "/api/auth/register"),
            pathPattern(HttpMethod.POST, "/api/auth/login"),
            pathPattern(HttpMethod.GET, "/.well-known/jwks.json"),
            pathPattern(HttpMethod.GET, "/.well-known/oauth-protected-resource"),
            pathPattern(HttpMethod.GET, "/actuator/health"),
            pathPattern(HttpMethod.GET, "/actuator/health/**"),
            pathPattern(HttpMethod.GET, "/actuator/info"),
            pathPattern(HttpMethod.GET, "/actuator/prometheus"));

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, ProblemAuthenticationEntryPoint entryPoint,
                            ProblemAccessDeniedHandler accessDenied) {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // Errors forwarded to /error keep the status they already have.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(bearerTokenResolver())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        // Spring Security 7 serves RFC 9728 metadata and points to it from WWW-Authenticate; its
                        // default claims certificate-bound tokens, which this service does not issue.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.resourceName("ShopScale identity")
                                        .tlsClientCertificateBoundAccessTokens(false)))
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    /**
     * Clients often send their (possibly expired) token with every call. On the public endpoints it is ignored, so
     * an expired token can never lock a user out of logging in again.
     */
    private static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> PUBLIC.matches(request) ? null : header.resolve(request);
    }

    /** The {@code roles} claim becomes ROLE_USER / ROLE_ADMIN authorities. */
    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenIssuer.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}

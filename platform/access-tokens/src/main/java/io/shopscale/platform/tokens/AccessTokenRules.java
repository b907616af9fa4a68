package io.shopscale.platform.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What makes an access token from the identity service acceptable once its signature checks out: issuer,
 * audience, a subject, and a time window ({@code exp} required, {@code nbf} honoured, {@code iat} not in the
 * future and at most {@code maxLifetime} before {@code exp}), all with the same clock skew. The gateway and every
 * service that owns user data apply the same rules.
 */
public final class AccessTokenRules {

    /** The claim that lists the user's roles ({@code USER}, {@code ADMIN}). */
    public static final String ROLES_CLAIM = "roles";

    private AccessTokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience, Duration clockSkew,
            Duration maxLifetime) {
        JwtTimestampValidator window = new JwtTimestampValidator(clockSkew);
        window.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(window, new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
                lifetime(clockSkew, maxLifetime)));
    }

    /** The {@code roles} claim as {@code ROLE_USER} / {@code ROLE_ADMIN} authorities; the principal is {@code sub}. */
    public static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        return authentication;
    }

    private static OAuth2TokenValidator<Jwt> lifetime(Duration clockSkew, Duration maxLifetime) {
        return token -> {
            Instant issuedAt = token.getIssuedAt();
            Instant expiresAt = token.getExpiresAt();
            if (issuedAt == null || expiresAt == null) {
                return invalid("iat and exp are required");
            }
            if (issuedAt.isAfter(Instant.now().plus(clockSkew))) {
                return invalid("iat is in the future");
            }
            if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
                return invalid("the token lives longer than " + maxLifetime);
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}

package io.shopscale.identity.token;

import io.shopscale.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: RS256 JWS with header {@code {alg: RS256, typ: JWT, kid}} and the claims {@code iss},
 * {@code sub} (user id), {@code aud}, {@code iat}, {@code exp} (at most 15 minutes later), {@code jti} (random) and
 * {@code roles}. {@code typ} stays {@code JWT} rather than RFC 9068's {@code at+jwt}: Spring Security's default
 * decoders (the gateway's included) accept only {@code JWT} or none.
 */
@Component
public class TokenIssuer {

    public static final String ROLES_CLAIM = "roles";

    private final JwtEncoder encoder;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, IdentityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.issuer = properties.issuer();
        this.audience = properties.audience();
        this.ttl = properties.tokenTtl();
        this.clock = clock;
    }

    public AccessToken issue(UUID userId, List<String> roles) {
        // Whole seconds: that is all a NumericDate carries, and expiresIn must match exp - iat exactly.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(userId.toString())
                .audience(List.of(audience))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, List.copyOf(roles))
                .build();
        // No kid here: the encoder takes it from the active key it signs with, so the two always agree.
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, ttl.toSeconds());
    }
}

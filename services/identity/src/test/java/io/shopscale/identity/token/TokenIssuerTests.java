package io.shopscale.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.TestProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TokenIssuerTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");
    private static RSAKey key;

    @BeforeAll
    static void generateKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true).generate();
    }

    @Test
    void aTokenCarriesExactlyTheAgreedClaimsAndHeader() {
        UUID userId = UUID.randomUUID();

        AccessToken token = issuer(TestProperties.defaults(), NOW).issue(userId, List.of("USER", "ADMIN"));
        Jwt jwt = decoder(TestProperties.defaults(), NOW.plusSeconds(1)).decode(token.value());

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("typ", "JWT")
                .containsEntry("kid", key.getKeyID()).hasSize(3);
        assertThat(jwt.getClaims()).containsOnlyKeys("iss", "sub", "aud", "iat", "exp", "jti", "roles");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("shopscale-identity");
        assertThat(jwt.getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getAudience()).containsExactly("shopscale-api");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
        assertThat(UUID.fromString(jwt.getId())).isNotNull();
        assertThat(jwt.getIssuedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        long lifetime = Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()).toSeconds();
        assertThat(lifetime).isEqualTo(900).isLessThanOrEqualTo(900);
        assertThat(token.expiresInSeconds()).isEqualTo(lifetime);
    }

    @Test
    void everyTokenHasItsOwnId() {
        TokenIssuer issuer = issuer(TestProperties.defaults(), NOW);
        UUID user = UUID.randomUUID();
        NimbusJwtDecoder decoder = decoder(TestProperties.defaults(), NOW);

        assertThat(decoder.decode(issuer.issue(user, List.of("USER")).value()).getId())
                .isNotEqualTo(decoder.decode(issuer.issue(user, List.of("USER")).value()).getId());
    }

    @Test
    void theValidatorRefusesExpiredForeignAndMisaddressedTokens() {
        IdentityProperties defaults = TestProperties.defaults();
        String token = issuer(defaults, NOW).issue(UUID.randomUUID(), List.of("USER")).value();

        assertThatThrownBy(() -> decoder(defaults, NOW.plus(Duration.ofMinutes(16))).decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
        String otherAudience = issuer(TestProperties.withAudience(defaults, "another-api"), NOW)
                .issue(UUID.randomUUID(), List.of("USER")).value();
        assertThatThrownBy(() -> decoder(defaults, NOW).decode(otherAudience)).isInstanceOf(JwtValidationException.class);
        String otherIssuer = issuer(TestProperties.withIssuer(defaults, "someone-else"), NOW)
                .issue(UUID.randomUUID(), List.of("USER")).value();
        assertThatThrownBy(() -> decoder(defaults, NOW).decode(otherIssuer)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder(defaults, NOW).decode("not.a.token")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void tokensLiveAtMostFifteenMinutes() {
        IdentityProperties p = TestProperties.defaults();
        assertThatThrownBy(() -> new IdentityProperties(p.issuer(), p.audience(), Duration.ofMinutes(16), p.admin(),
                p.login(), p.keys(), p.hashing())).hasMessageContaining("15m");
        assertThatThrownBy(() -> new IdentityProperties(p.issuer(), p.audience(), Duration.ZERO, p.admin(),
                p.login(), p.keys(), p.hashing())).isInstanceOf(IllegalArgumentException.class);
    }

    private static TokenIssuer issuer(IdentityProperties properties, Instant now) {
        return new TokenIssuer(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))), properties,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static NimbusJwtDecoder decoder(IdentityProperties properties, Instant now) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())))
                .build();
        decoder.setJwtValidator(TokenConfiguration.validator(properties, Clock.fixed(now, ZoneOffset.UTC)));
        return decoder;
    }
}

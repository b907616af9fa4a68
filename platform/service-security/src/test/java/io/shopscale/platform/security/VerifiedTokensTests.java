package io.shopscale.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokens tokens = tokens(token -> valid(NOW.plus(Duration.ofMinutes(10))));

        tokens.decode("t1");
        tokens.decode("t1");
        tokens.decode("t2");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItExpires() {
        VerifiedTokens tokens = tokens(token -> valid(NOW.plus(Duration.ofSeconds(30))));
        tokens.decode("t");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());

        tokens.decode("t");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        VerifiedTokens tokens = tokens(token -> {
            throw new BadJwtException("bad signature");
        });

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private VerifiedTokens tokens(JwtDecoder verifier) {
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return verifier.decode(token);
        };
        return new VerifiedTokens(counting, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
    }

    private static Jwt valid(Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1").issuedAt(NOW).expiresAt(expiresAt)
                .build();
    }
}

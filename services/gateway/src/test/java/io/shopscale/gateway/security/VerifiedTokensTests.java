package io.shopscale.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private final AtomicInteger verifications = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		VerifiedTokens tokens = tokens(token -> valid(NOW.plus(Duration.ofMinutes(10))), Duration.ofMinutes(5));

		tokens.decode("t1").block();
		tokens.decode("t1").block();
		tokens.decode("t2").block();

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenIsVerifiedAgainOnceItExpiresOrTheKeysWouldBeRefetched() {
		VerifiedTokens soonExpiring = tokens(token -> valid(NOW.plus(Duration.ofSeconds(30))), Duration.ofMinutes(5));
		soonExpiring.decode("t").block();
		this.nanos.addAndGet(Duration.ofSeconds(31).toNanos());
		soonExpiring.decode("t").block();
		assertThat(this.verifications).hasValue(2);

		VerifiedTokens longLived = tokens(token -> valid(NOW.plus(Duration.ofMinutes(14))), Duration.ofMinutes(5));
		longLived.decode("u").block();
		this.nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
		longLived.decode("u").block();
		assertThat(this.verifications).hasValue(4);
	}

	@Test
	void aRejectedTokenIsNeverRemembered() {
		VerifiedTokens tokens = tokens(token -> Mono.error(new BadJwtException("bad signature")), Duration.ofMinutes(5));

		assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

	private VerifiedTokens tokens(ReactiveJwtDecoder verifier, Duration maxAge) {
		ReactiveJwtDecoder counting = token -> {
			this.verifications.incrementAndGet();
			return verifier.decode(token);
		};
		return new VerifiedTokens(counting, 100, maxAge, Clock.fixed(NOW, ZoneOffset.UTC), this.nanos::get);
	}

	private static Mono<Jwt> valid(Instant expiresAt) {
		return Mono.just(Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("user-1")
			.issuedAt(NOW)
			.expiresAt(expiresAt)
			.build());
	}

}

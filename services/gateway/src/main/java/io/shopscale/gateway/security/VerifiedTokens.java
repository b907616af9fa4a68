package io.shopscale.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed full verification, so a client that sends the same token on every request pays
 * for the RS256 signature check once, not per request. Only verified tokens are kept, keyed by the exact token
 * text: a token that differs in any byte is verified afresh. An entry lives until the token expires or until the
 * keys would be fetched again anyway ({@code maxAge}), whichever comes first, so a retired key stops working
 * just as soon as without the cache.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.ticker(ticker)
			.expireAfter(new UntilExpiry(maxAge, clock))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return Mono.just(known);
		}
		return this.verifier.decode(token).doOnNext(jwt -> this.verified.put(token, jwt));
	}

	private record UntilExpiry(Duration maxAge, Clock clock) implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			Duration untilExpiry = expiresAt == null ? Duration.ZERO : Duration.between(this.clock.instant(), expiresAt);
			Duration life = untilExpiry.compareTo(this.maxAge) < 0 ? untilExpiry : this.maxAge;
			return Math.max(0, life.toNanos());
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}

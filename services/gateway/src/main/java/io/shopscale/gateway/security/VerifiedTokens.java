package io.shopscale.gateway.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.shopscale.platform.tokens.VerifiedTokenLifetime;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed full verification, so a client that sends the same token on every request pays
 * for the RS256 signature check once, not per request. Only verified tokens are kept, keyed by the exact token
 * text: a token that differs in any byte is verified afresh. How long an entry lives:
 * {@link VerifiedTokenLifetime}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = VerifiedTokenLifetime.newCache(maxEntries, maxAge, clock, ticker);
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return Mono.just(known);
		}
		return this.verifier.decode(token).doOnNext(jwt -> this.verified.put(token, jwt));
	}

}

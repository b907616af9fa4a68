package io.shopscale.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.shopscale.gateway.problem.ProblemException;
import io.shopscale.platform.tokens.KnownSigningKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The identity service's public signing keys, fetched from its JWKS endpoint and kept in memory: verifying a
 * token normally costs no network call at all.
 * <p>
 * Written instead of using Spring Security's {@code withJwkSetUri(...)} source because that one fetches the key
 * set again for <em>every</em> token naming an unknown key id, with no limit: anyone could make the gateway call
 * the identity service once per request by sending tokens with made-up key ids. Here:
 * <ul>
 * <li>a token whose header is not RS256 with a key id is rejected without looking anything up;</li>
 * <li>an unknown key id causes a fetch at most once per {@code jwksRefreshMinInterval} (a newly rotated key is
 * picked up within that time), otherwise it is simply not found and the token is rejected (401);</li>
 * <li>keys older than {@code jwksMaxAge} are fetched again, so a key the identity service retired stops
 * working;</li>
 * <li>concurrent requests share one fetch in flight; if a fetch fails, the keys already known stay in use (and
 * are not asked for again within the interval), and only when none are known at all is the request answered
 * 503;</li>
 * <li>a fetched set that drops every key in use is refused, whoever registered under identity's name to serve it:
 * the known keys stay in use ({@link KnownSigningKeys}).</li>
 * </ul>
 */
final class IdentityKeys implements Function<SignedJWT, Flux<JWK>> {

	private static final Logger log = LoggerFactory.getLogger(IdentityKeys.class);

	private final WebClient web;

	private final URI jwkSetUri;

	private final long maxAgeNanos;

	private final long refreshMinIntervalNanos;

	private final Duration fetchTimeout;

	private final KnownSigningKeys trusted;

	private final AtomicReference<@Nullable Mono<JWKSet>> inFlight = new AtomicReference<>();

	private volatile @Nullable Snapshot known;

	private volatile long lastFetchStarted;

	IdentityKeys(WebClient web, JwtSettings settings, KnownSigningKeys trusted) {
		this.web = web;
		this.trusted = trusted;
		this.jwkSetUri = settings.jwkSetUri();
		this.maxAgeNanos = settings.jwksMaxAge().toNanos();
		this.refreshMinIntervalNanos = settings.jwksRefreshMinInterval().toNanos();
		this.fetchTimeout = settings.jwksFetchTimeout();
		this.lastFetchStarted = System.nanoTime() - this.refreshMinIntervalNanos;
	}

	@Override
	public Flux<JWK> apply(SignedJWT token) {
		JWSHeader header = token.getHeader();
		String keyId = header.getKeyID();
		if (keyId == null || !JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
			// No key is returned, so Nimbus rejects the token: alg=none, HS256 and friends never get further.
			return Flux.empty();
		}
		long now = System.nanoTime();
		Snapshot snapshot = this.known;
		if (snapshot != null) {
			JWK key = snapshot.keys().getKeyByKeyId(keyId);
			boolean fresh = now - snapshot.fetchedAt() < this.maxAgeNanos;
			boolean fetchedRecently = now - this.lastFetchStarted < this.refreshMinIntervalNanos;
			if (key != null && (fresh || fetchedRecently)) {
				return Flux.just(key);
			}
			if (key == null && fetchedRecently) {
				return Flux.empty();
			}
		}
		return fetch(now).mapNotNull(keys -> keys.getKeyByKeyId(keyId)).flux();
	}

	private Mono<JWKSet> fetch(long now) {
		Mono<JWKSet> running = this.inFlight.get();
		if (running != null) {
			return running;
		}
		Mono<JWKSet> fetch = this.web.get()
			.uri(this.jwkSetUri)
			// The response's request is the one the load balancer sent: its URL names the instance that answered.
			.exchangeToMono(response -> response.statusCode().isError() ? response.createError()
					: response.bodyToMono(String.class)
						.map(body -> this.trusted.adopt(parsePublicKeys(body), response.request().getURI().toString())))
			.timeout(this.fetchTimeout)
			.doOnNext(keys -> this.known = new Snapshot(keys, System.nanoTime()))
			.onErrorResume(this::keepWhatIsKnown)
			// Out of flight before anyone sees the answer: a lookup that follows it must judge the keys afresh, not
			// be handed this finished fetch again.
			.doOnNext(keys -> this.inFlight.set(null))
			.doFinally(signal -> this.inFlight.set(null))
			.cache();
		Mono<JWKSet> winner = this.inFlight.compareAndExchange(null, fetch);
		if (winner != null) {
			return winner;
		}
		this.lastFetchStarted = now;
		return fetch;
	}

	private Mono<JWKSet> keepWhatIsKnown(Throwable error) {
		Snapshot snapshot = this.known;
		if (snapshot != null) {
			log.warn("Fetching the identity service's keys from {} failed, keeping the {} known: {}", this.jwkSetUri,
					snapshot.keys().size(), error.toString());
			return Mono.just(snapshot.keys());
		}
		return Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
				"The identity service's signing keys are not available; try again shortly.",
				new HttpHeaders(), error));
	}

	private static JWKSet parsePublicKeys(String body) {
		try {
			// Only ever verify with public keys, even if a private one were published by mistake.
			return JWKSet.parse(body).toPublicJWKSet();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The identity service's JWKS is not a valid JWK set", ex);
		}
	}

	private record Snapshot(JWKSet keys, long fetchedAt) {
	}

}

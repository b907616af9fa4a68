package io.shopscale.platform.tokens;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys a verifier (the gateway, a service) has adopted from identity's JWKS, and the rule for adopting a
 * newly fetched set. The set is fetched from whichever instance registered as {@code identity} in discovery, so
 * discovery alone must not decide which keys are trusted.
 * <p>
 * The rule: the first set fetched is adopted. After that, a set that keeps at least one of the key ids ({@code kid})
 * in use is adopted whole, so a rotation, which publishes the new key beside the old one before signing with it and
 * retires the old one later, goes through: new keys are added, retired ones dropped. A set that keeps none of them is
 * refused: that is what an impostor registered as identity would serve, with keys of its own. The known keys stay in
 * use, the refusal is logged as an ERROR naming where the set came from and counted ({@value #REFUSED_METRIC}), and
 * the next fetch is judged afresh. Identity really replacing every key at once is therefore not followed; the
 * verifiers adopt such a set when they restart.
 */
public final class KnownSigningKeys {

	/** Counter of fetched key sets refused because they kept none of the keys in use. */
	public static final String REFUSED_METRIC = "shopscale.jwks.refused";

	private static final Logger log = LoggerFactory.getLogger(KnownSigningKeys.class);

	private final Counter refused;

	private @Nullable JWKSet adopted;

	public KnownSigningKeys(MeterRegistry meters) {
		this.refused = Counter.builder(REFUSED_METRIC)
			.description("Fetched JWK sets refused because they kept none of the signing keys in use")
			.register(meters);
	}

	/**
	 * Judges a freshly fetched key set.
	 * @param fetched the keys just fetched
	 * @param source where they came from (the instance's URL), for the log
	 * @return the keys to verify with from now on: {@code fetched} if adopted, else the ones known before
	 */
	public synchronized JWKSet adopt(JWKSet fetched, String source) {
		JWKSet known = this.adopted;
		Set<String> knownIds = keyIds(known);
		if (known == null || knownIds.isEmpty() || !disjoint(knownIds, keyIds(fetched))) {
			this.adopted = fetched;
			return fetched;
		}
		this.refused.increment();
		log.error("Refused the signing keys served by {}: they keep none of the keys in use {} and bring {}. Tokens are "
				+ "verified with the keys in use; an instance registered as identity that is not identity would serve "
				+ "such a set. If identity really replaced every key at once, restart this service to adopt them.",
				source, knownIds, keyIds(fetched));
		return known;
	}

	private static Set<String> keyIds(@Nullable JWKSet keys) {
		if (keys == null) {
			return Set.of();
		}
		return keys.getKeys().stream().map(JWK::getKeyID).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	private static boolean disjoint(Set<String> known, Set<String> fetched) {
		return fetched.stream().noneMatch(known::contains);
	}

}

package io.shopscale.platform.tokens;

import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class KnownSigningKeysTests {

	private static final String SOURCE = "http://127.0.0.1:8082/.well-known/jwks.json";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final KnownSigningKeys keys = new KnownSigningKeys(this.meters);

	private final JWK first = key("first");

	private final JWK second = key("second");

	@Test
	void theFirstSetFetchedIsAdopted() {
		JWKSet fetched = set(this.first);

		assertThat(this.keys.adopt(fetched, SOURCE)).isSameAs(fetched);
		assertThat(refusals()).isZero();
	}

	@Test
	void theSameKeysFetchedAgainAreAdopted() {
		this.keys.adopt(set(this.first), SOURCE);
		JWKSet again = set(this.first);

		assertThat(this.keys.adopt(again, SOURCE)).isSameAs(again);
	}

	@Test
	void aRotationThatKeepsAKnownKeyIsAdoptedAndItsRetiredKeysAreDropped() {
		this.keys.adopt(set(this.first), SOURCE);

		JWKSet rotating = set(this.first, this.second);
		assertThat(this.keys.adopt(rotating, SOURCE)).isSameAs(rotating);
		// The old key retired: "second" is known by now, so the set that keeps only it is adopted too.
		JWKSet rotated = set(this.second);
		assertThat(this.keys.adopt(rotated, SOURCE).getKeys()).extracting(JWK::getKeyID).containsExactly("second");
		assertThat(refusals()).isZero();
	}

	@Test
	void aSetThatDropsEveryKnownKeyIsRefusedTheKnownKeysStayAndTheRefusalIsLoggedAndCounted(CapturedOutput output) {
		JWKSet known = set(this.first, this.second);
		this.keys.adopt(known, SOURCE);

		JWKSet foreign = set(key("forged-1"), key("forged-2"));
		JWKSet inUse = this.keys.adopt(foreign, "http://127.0.0.1:40404/.well-known/jwks.json");

		assertThat(inUse).isSameAs(known);
		assertThat(refusals()).isEqualTo(1);
		assertThat(output).contains("ERROR", "http://127.0.0.1:40404/.well-known/jwks.json", "forged-1");
	}

	@Test
	void afterARefusalTheNextFetchIsJudgedAfreshAgainstTheKeysStillInUse() {
		this.keys.adopt(set(this.first), SOURCE);
		this.keys.adopt(set(key("forged")), SOURCE);

		JWKSet genuine = set(this.first, this.second);
		assertThat(this.keys.adopt(genuine, SOURCE)).isSameAs(genuine);
		// The refused key never became known: a set of it alone is still refused.
		assertThat(this.keys.adopt(set(key("forged")), SOURCE)).isSameAs(genuine);
		assertThat(refusals()).isEqualTo(2);
	}

	@Test
	void anEmptySetDropsEveryKnownKeyToo() {
		JWKSet known = set(this.first);
		this.keys.adopt(known, SOURCE);

		assertThat(this.keys.adopt(new JWKSet(), SOURCE)).isSameAs(known);
		assertThat(refusals()).isEqualTo(1);
	}

	@Test
	void withNothingToCompareAgainstASetIsAdopted() {
		this.keys.adopt(new JWKSet(), SOURCE);
		JWKSet fetched = set(this.first);

		assertThat(this.keys.adopt(fetched, SOURCE)).isSameAs(fetched);
	}

	private double refusals() {
		return this.meters.counter(KnownSigningKeys.REFUSED_METRIC).count();
	}

	private static JWKSet set(JWK... keys) {
		return new JWKSet(List.of(keys));
	}

	private static JWK key(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate().toPublicJWK();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

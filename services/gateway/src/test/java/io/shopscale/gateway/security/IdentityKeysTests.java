package io.shopscale.gateway.security;

import io.shopscale.testsupport.TestIdentity;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.gateway.problem.ProblemException;
import io.shopscale.platform.tokens.KnownSigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class IdentityKeysTests {

	final TestIdentity identity = TestIdentity.start();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		this.identity.close();
	}

	@Test
	void fetchesTheKeysOnceAndVerifiesFromMemoryAfterwards() {
		IdentityKeys keys = keys(Duration.ofMinutes(5), Duration.ofSeconds(10));

		for (int i = 0; i < 5; i++) {
			assertThat(lookUp(keys, this.identity.token("u1", "USER")))
				.containsExactly(this.identity.signingKey().toPublicJWK());
		}

		assertThat(this.identity.jwksHits()).isEqualTo(1);
	}

	@Test
	void unknownKeyIdsFetchAtMostOncePerInterval() {
		IdentityKeys keys = keys(Duration.ofMinutes(5), Duration.ofHours(1));
		lookUp(keys, this.identity.token("u1"));
		RSAKey stranger = TestIdentity.newKey();

		for (int i = 0; i < 10; i++) {
			String madeUp = TestIdentity.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("made-up-" + i).build(),
					claims(), stranger);
			assertThat(lookUp(keys, madeUp)).isEmpty();
		}

		assertThat(this.identity.jwksHits()).as("the first fetch only").isEqualTo(1);
	}

	@Test
	void expiredKeysAreFetchedAgainAtMostOncePerInterval() {
		IdentityKeys keys = keys(Duration.ZERO, Duration.ofHours(1));

		for (int i = 0; i < 5; i++) {
			assertThat(lookUp(keys, this.identity.token("u1"))).hasSize(1);
		}

		assertThat(this.identity.jwksHits()).isEqualTo(1);
	}

	@Test
	void aRotatedKeyIsFetchedOnceTheIntervalHasPassed() {
		IdentityKeys keys = keys(Duration.ofMinutes(5), Duration.ZERO);
		lookUp(keys, this.identity.token("u1"));

		RSAKey rotated = this.identity.rotate();

		assertThat(lookUp(keys, this.identity.token("u1"))).containsExactly(rotated.toPublicJWK());
		assertThat(this.identity.jwksHits()).isEqualTo(2);
	}

	@Test
	void aKeySetThatDropsEveryKnownKeyIsRefusedAndTheKnownKeysStayInUse(CapturedOutput output) {
		IdentityKeys keys = keys(Duration.ZERO, Duration.ZERO);
		String genuine = this.identity.token("u1");
		lookUp(keys, genuine);
		RSAKey known = this.identity.signingKey();

		this.identity.replaceAllKeys();

		assertThat(lookUp(keys, this.identity.token("attacker", "ADMIN"))).isEmpty();
		assertThat(this.meters.counter(KnownSigningKeys.REFUSED_METRIC).count()).isEqualTo(1);
		assertThat(output).contains("Refused the signing keys served by " + this.identity.uri());
		// The keys are stale at once (max age zero), so a lookup fetches again (once the refused fetch has left the
		// flight, which it does just after answering), is refused again, and still verifies.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(lookUp(keys, genuine)).containsExactly(known.toPublicJWK());
			assertThat(this.identity.jwksHits()).isGreaterThanOrEqualTo(3);
		});
		assertThat(this.meters.counter(KnownSigningKeys.REFUSED_METRIC).count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aRotationIsAdoptedAndARetiredKeyStopsWorking() {
		IdentityKeys keys = keys(Duration.ZERO, Duration.ZERO);
		String beforeRotation = this.identity.token("u1");
		lookUp(keys, beforeRotation);

		RSAKey rotated = this.identity.rotate();
		assertThat(lookUp(keys, this.identity.token("u1"))).containsExactly(rotated.toPublicJWK());
		this.identity.retireOldKeys();

		assertThat(lookUp(keys, beforeRotation)).isEmpty();
		assertThat(lookUp(keys, this.identity.token("u1"))).containsExactly(rotated.toPublicJWK());
		assertThat(this.meters.counter(KnownSigningKeys.REFUSED_METRIC).count()).isZero();
	}

	@Test
	void onlyRs256TokensWithAKeyIdAreLookedUp() {
		IdentityKeys keys = keys(Duration.ofMinutes(5), Duration.ZERO);
		String noKeyId = TestIdentity.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(),
				this.identity.signingKey());
		String rs512 = TestIdentity.sign(
				new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(this.identity.signingKey().getKeyID()).build(), claims(),
				this.identity.signingKey());

		assertThat(lookUp(keys, noKeyId)).isEmpty();
		assertThat(lookUp(keys, rs512)).isEmpty();
		assertThat(this.identity.jwksHits()).isZero();
	}

	@Test
	void keepsTheKnownKeysWhenTheIdentityServiceIsDown() {
		IdentityKeys keys = keys(Duration.ZERO, Duration.ZERO);
		String token = this.identity.token("u1");
		lookUp(keys, token);

		this.identity.close();

		assertThat(lookUp(keys, token)).containsExactly(this.identity.signingKey().toPublicJWK());
	}

	@Test
	void withNoKeysKnownAndTheIdentityServiceDownTheAnswerIs503() {
		IdentityKeys keys = keys(Duration.ofMinutes(5), Duration.ZERO);
		this.identity.close();

		assertThatThrownBy(() -> lookUp(keys, this.identity.token("u1"))).isInstanceOf(ProblemException.class)
			.hasMessageContaining("503");
	}

	private IdentityKeys keys(Duration maxAge, Duration refreshMinInterval) {
		JwtSettings settings = new JwtSettings(TestIdentity.ISSUER, TestIdentity.AUDIENCE, Duration.ofSeconds(30),
				Duration.ofMinutes(15), URI.create(this.identity.uri() + "/.well-known/jwks.json"), maxAge,
				refreshMinInterval, Duration.ofSeconds(2));
		return new IdentityKeys(WebClient.create(), settings, new KnownSigningKeys(this.meters));
	}

	private static List<JWK> lookUp(IdentityKeys keys, String token) {
		try {
			return keys.apply(SignedJWT.parse(token)).collectList().block(Duration.ofSeconds(5));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims() {
		return new JWTClaimsSet.Builder().subject("u1").build();
	}

}

package io.shopscale.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.platform.tokens.KnownSigningKeys;
import io.shopscale.testsupport.TestIdentity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A service adopts identity's keys as they rotate, but not a key set that drops every key in use, whoever registered
 * under identity's name to serve it: tokens signed with the keys in use keep verifying, the impostor's do not.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityJwkSetSourceTests {

    private final TestIdentity identity = TestIdentity.start();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Long: the keys are fetched again only when a token names a key id the service does not know. */
    private final JwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new IdentityJwkSetSource(
                    new SimpleClientHttpRequestFactory(), List.of(toIdentity()),
                    URI.create("http://identity/.well-known/jwks.json"), new KnownSigningKeys(meters))
                    .cached(Duration.ofMinutes(5)))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();

    @AfterEach
    void stop() {
        identity.close();
    }

    @Test
    void theFirstKeysFetchedAreAdopted() {
        assertThat(decoder.decode(identity.token("user-1", "USER")).getSubject()).isEqualTo("user-1");
        assertThat(identity.jwksHits()).isEqualTo(1);
    }

    @Test
    void aKeySetThatDropsEveryKeyInUseIsRefusedAndTheKeysInUseStillVerify(CapturedOutput output) {
        String genuine = identity.token("user-1", "USER");
        decoder.decode(genuine);

        identity.replaceAllKeys();
        String forged = identity.token("attacker", "USER", "ADMIN");

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(identity.jwksHits()).as("the foreign set was fetched, then refused").isEqualTo(2);
        assertThat(meters.counter(KnownSigningKeys.REFUSED_METRIC).count()).isEqualTo(1);
        assertThat(output).contains("Refused the signing keys served by " + identity.uri() + "/.well-known/jwks.json");
        assertThat(decoder.decode(genuine).getSubject()).isEqualTo("user-1");
    }

    @Test
    void aRotationIsAdoptedAndOnceTheOldKeyIsRetiredItStopsVerifying() {
        String beforeRotation = identity.token("user-1", "USER");
        decoder.decode(beforeRotation);

        identity.rotate();
        String afterRotation = identity.token("user-2", "USER");
        assertThat(decoder.decode(afterRotation).getSubject()).isEqualTo("user-2");

        identity.retireOldKeys();
        // A token naming a key id nobody knows makes the service fetch again; the set it gets keeps the new key.
        assertThatThrownBy(() -> decoder.decode(TestIdentity.sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("made-up").build(),
                new JWTClaimsSet.Builder().subject("x").build(), TestIdentity.newKey())))
                .isInstanceOf(JwtException.class);

        assertThat(decoder.decode(afterRotation).getSubject()).isEqualTo("user-2");
        assertThatThrownBy(() -> decoder.decode(beforeRotation)).isInstanceOf(JwtException.class);
        assertThat(meters.counter(KnownSigningKeys.REFUSED_METRIC).count()).isZero();
    }

    /** Stands in for the load balancer: {@code http://identity/...} goes to the test's identity. */
    private ClientHttpRequestInterceptor toIdentity() {
        return (request, body, execution) -> execution.execute(new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return URI.create(identity.uri() + request.getURI().getRawPath());
            }
        }, body);
    }
}

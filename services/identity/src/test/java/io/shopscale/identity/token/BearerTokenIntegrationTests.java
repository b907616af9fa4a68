package io.shopscale.identity.token;

import static io.shopscale.identity.IdentityClient.STRONG_PASSWORD;
import static io.shopscale.identity.IdentityClient.uniqueAddress;
import static io.shopscale.identity.IdentityClient.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.shopscale.identity.IdentityClient;
import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.TestProperties;
import io.shopscale.testsupport.RealStoresTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import tools.jackson.databind.JsonNode;

/** The identity service validates its own tokens: only RS256, its keys, its issuer and audience, unexpired. */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
class BearerTokenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    KeyRing keys;

    private IdentityClient client;

    @BeforeEach
    void client() {
        client = new IdentityClient(port);
    }

    @Test
    void meAnswersWithTheTokensAccount() {
        String email = uniqueEmail();
        String id = client.registerUser(email);

        HttpResponse<String> response = client.getWithToken("/api/auth/me", client.token(email, STRONG_PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = client.json(response);
        assertThat(me.propertyNames()).containsExactlyInAnyOrder("userId", "email", "name", "roles");
        assertThat(me.get("userId").asString()).isEqualTo(id);
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("name").asString()).isEqualTo("Test User");
        assertThat(me.get("roles").toString()).isEqualTo("[\"USER\"]");
    }

    @Test
    void meWithoutAValidTokenIsAProblem() throws Exception {
        String email = uniqueEmail();
        UUID id = UUID.fromString(client.registerUser(email));
        String valid = client.token(email, STRONG_PASSWORD);
        String[] parts = valid.split("\\.");
        Instant now = Instant.now();

        assertUnauthorized(client.get("/api/auth/me"));
        assertUnauthorized(client.getWithToken("/api/auth/me", "garbage"));
        assertUnauthorized(client.getWithToken("/api/auth/me", "abc.def.ghi"));
        assertUnauthorized(client.getWithToken("/api/auth/me", valid.substring(0, valid.length() - 4) + "AAAA"));
        assertUnauthorized(client.get("/api/auth/me", "Authorization", "Basic " + valid));
        // Expired an hour ago, though properly signed.
        assertUnauthorized(client.getWithToken("/api/auth/me", issuer(TestProperties.defaults(),
                now.minus(Duration.ofHours(1))).issue(id, List.of("USER")).value()));
        // Properly signed, but for another API or from another issuer.
        assertUnauthorized(client.getWithToken("/api/auth/me", issuer(TestProperties.withAudience(
                TestProperties.defaults(), "another-api"), now).issue(id, List.of("USER")).value()));
        assertUnauthorized(client.getWithToken("/api/auth/me", issuer(TestProperties.withIssuer(
                TestProperties.defaults(), "evil-identity"), now).issue(id, List.of("USER")).value()));
        // alg=none: the valid claims, no signature.
        String none = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertUnauthorized(client.getWithToken("/api/auth/me", none));
        // HS256 with the public key as the HMAC secret (the algorithm-confusion attack), DER and PEM.
        JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
        byte[] der = keys.signingKey().toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        assertUnauthorized(client.getWithToken("/api/auth/me", hs256(claims, der)));
        assertUnauthorized(client.getWithToken("/api/auth/me", hs256(claims, pem.getBytes(StandardCharsets.US_ASCII))));
        // RS256 with another key that claims the real kid.
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(keys.signingKey().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(impostor.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        forged.sign(new RSASSASigner(impostor));
        assertUnauthorized(client.getWithToken("/api/auth/me", forged.serialize()));
    }

    @Test
    void anAccountIsVisibleToItsOwnerAndAdministratorsOnly() {
        String owner = uniqueEmail();
        String other = uniqueEmail();
        String ownerId = client.registerUser(owner);
        client.registerUser(other);
        String adminToken = client.token("admin@shopscale.local", IdentityClient.ADMIN_PASSWORD);

        assertThat(client.getWithToken("/api/users/" + ownerId, client.token(owner, STRONG_PASSWORD)).statusCode())
                .isEqualTo(200);
        client.assertProblem(client.getWithToken("/api/users/" + ownerId, client.token(other, STRONG_PASSWORD)),
                404, null);
        HttpResponse<String> byAdmin = client.getWithToken("/api/users/" + ownerId, adminToken);
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(client.json(byAdmin).get("email").asString()).isEqualTo(owner);
        client.assertProblem(client.getWithToken("/api/users/not-a-uuid", adminToken), 400, "id");
    }

    @Test
    void healthAndMetricsArePublicTheRestOfActuatorIsForAdministrators() {
        String email = uniqueEmail();
        client.registerUser(email);

        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertUnauthorized(client.get("/actuator/metrics"));
        HttpResponse<String> forbidden = client.getWithToken("/actuator/metrics", client.token(email, STRONG_PASSWORD));
        client.assertProblem(forbidden, 403, null);
        assertThat(client.getWithToken("/actuator/metrics",
                client.token("admin@shopscale.local", IdentityClient.ADMIN_PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void aStaleTokenSentAlongNeverBlocksThePublicEndpoints() {
        String email = uniqueEmail();
        UUID id = UUID.fromString(client.registerUser(email));
        String expired = issuer(TestProperties.defaults(), Instant.now().minus(Duration.ofHours(1)))
                .issue(id, List.of("USER")).value();

        HttpResponse<String> login = client.post("/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + STRONG_PASSWORD + "\"}",
                "Authorization", "Bearer " + expired, "X-Forwarded-For", uniqueAddress());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(client.get("/.well-known/jwks.json", "Authorization", "Bearer garbage").statusCode()).isEqualTo(200);
    }

    @Test
    void theProtectedResourceMetadataClaimsNoCertificateBoundTokens() {
        HttpResponse<String> metadata = client.get("/.well-known/oauth-protected-resource");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(client.json(metadata).get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
    }

    @Test
    void unknownPathsNeedATokenFirst() {
        assertUnauthorized(client.get("/api/nothing-here"));
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        client.assertProblem(response, 401, null);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    private TokenIssuer issuer(IdentityProperties properties, Instant now) {
        return new TokenIssuer(encoder, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String hs256(JWTClaimsSet claims, byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

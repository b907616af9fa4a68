package io.shopscale.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.shopscale.testsupport.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with nothing but the platform's security sees only callers with a valid identity token: checked
 * against a real JWKS server found through discovery, with the same claim rules as the gateway.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "shopscale.security.public-endpoints=GET /api/open/**"})
class ServiceSecurityIntegrationTests {

    private static final TestIdentity identity = TestIdentity.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void identityInstance(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri", () -> identity.uri().toString());
    }

    @AfterAll
    static void stopIdentity() {
        identity.close();
    }

    @Test
    void aValidTokenReachesTheEndpointAsItsSubject() throws Exception {
        HttpResponse<String> response = get("/api/me", identity.token("user-1", "USER"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("user-1");
    }

    @Test
    void noTokenIsAProblem401WithAChallenge() throws Exception {
        HttpResponse<String> response = get("/api/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void forgedTokensAreRejected() throws Exception {
        Instant now = Instant.now();
        List<String> forged = List.of(
                // Someone else's key, claiming to be identity's.
                TestIdentity.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(identity.signingKey().getKeyID())
                        .build(), identity.claims("user-1", "ADMIN").build(), TestIdentity.newKey()),
                identity.sign(identity.claims("user-1", "USER").audience("another-api").build()),
                identity.sign(identity.claims("user-1", "USER").issuer("https://elsewhere").build()),
                identity.sign(identity.claims("user-1", "USER").issueTime(Date.from(now.minusSeconds(3600)))
                        .expirationTime(Date.from(now.minusSeconds(120))).build()),
                identity.sign(identity.claims("user-1", "USER")
                        .expirationTime(Date.from(now.plus(Duration.ofDays(30)))).build()),
                unsigned(identity.token("user-1", "ADMIN")),
                "not-a-jwt");
        for (String token : forged) {
            assertThat(get("/api/me", token).statusCode()).as(token).isEqualTo(401);
        }
    }

    @Test
    void adminPathsNeedTheAdminRole() throws Exception {
        assertThat(get("/api/admin/stats", identity.token("user-1", "USER")).statusCode()).isEqualTo(403);
        assertThat(get("/api/admin/stats", identity.token("admin-1", "ADMIN")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", identity.token("user-1", "USER")).statusCode()).isEqualTo(403);
    }

    @Test
    void publicEndpointsNeedNothingAndIgnoreABadToken() throws Exception {
        assertThat(get("/api/open/hello", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/open/hello", "expired-or-garbage").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    /** The same token with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String[] parts = token.split("\\.");
        return header + "." + parts[1] + ".";
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    static class SecuredApplication {

        @RestController
        static class Endpoints {

            @GetMapping("/api/me")
            String me(@AuthenticationPrincipal Jwt caller) {
                return caller.getSubject();
            }

            @GetMapping("/api/admin/stats")
            String stats() {
                return "ok";
            }

            @GetMapping("/api/open/hello")
            String hello() {
                return "hello";
            }
        }
    }

}

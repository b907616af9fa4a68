package io.shopscale.identity.login;

import static io.shopscale.identity.IdentityClient.STRONG_PASSWORD;
import static io.shopscale.identity.IdentityClient.uniqueAddress;
import static io.shopscale.identity.IdentityClient.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.identity.IdentityClient;
import io.shopscale.testsupport.RealStoresTest;
import io.shopscale.testsupport.SharedStores;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
class LoginIntegrationTests {

    @LocalServerPort
    int port;

    private IdentityClient client;

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void clientAndRedis() {
        client = new IdentityClient(port);
        // One test stops Redis; the others need the throttle's Redis connection back before they start.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> "PONG".equals(redis.execute((RedisCallback<String>) connection -> connection.ping())));
    }

    @Test
    void aCorrectLoginGivesATokenThatVerifiesAgainstThePublishedKeys() {
        String email = uniqueEmail();
        String userId = client.registerUser(email);

        HttpResponse<String> response = client.login(email.toUpperCase(), STRONG_PASSWORD, uniqueAddress());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode body = client.json(response);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("accessToken", "tokenType", "expiresIn");
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);

        // What the gateway does: fetch the JWKS over HTTP and verify with it, checking issuer and audience.
        HttpResponse<String> jwks = client.get("/.well-known/jwks.json");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Cache-Control").orElse(""))
                .contains("public").contains("max-age=300").doesNotContain("no-store");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(client.baseUrl() + "/.well-known/jwks.json").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("shopscale-identity"), new JwtAudienceValidator("shopscale-api")));
        Jwt jwt = decoder.decode(body.get("accessToken").asString());
        assertThat(jwt.getSubject()).isEqualTo(userId);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail();
        client.registerUser(email);

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        HttpResponse<String> wrong = null;
        HttpResponse<String> unknown = null;
        for (int i = 0; i < 3; i++) {
            wrong = timed(wrongPassword, () -> client.login(email, "not-the-Password-42", uniqueAddress()));
            unknown = timed(unknownEmail, () -> client.login(uniqueEmail(), "not-the-Password-42", uniqueAddress()));
        }

        client.assertProblem(wrong, 401, null);
        client.assertProblem(unknown, 401, null);
        assertThat(withoutRequestId(wrong)).isEqualTo(withoutRequestId(unknown));
        assertThat(wrong.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
        // Both hash a password: an unknown email is not answered measurably faster.
        assertThat(median(unknownEmail)).isGreaterThan(median(wrongPassword) / 3);
    }

    @Test
    void theSixthFailureForAnAccountIsThrottledWhileOtherAccountsStillLogIn() {
        String victim = uniqueEmail();
        String bystander = uniqueEmail();
        client.registerUser(victim);
        client.registerUser(bystander);
        String address = uniqueAddress();

        for (int i = 0; i < 5; i++) {
            client.assertProblem(client.login(victim, "guess-Number-" + i + "-xyz", address), 401, null);
        }
        HttpResponse<String> sixth = client.login(victim, "guess-Number-5-xyz", address);

        client.assertProblem(sixth, 429, null);
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        // Locked means locked: even the right password (from another address) waits.
        client.assertProblem(client.login(victim, STRONG_PASSWORD, uniqueAddress()), 429, null);
        assertThat(client.login(bystander, STRONG_PASSWORD, address).statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressGetsALargerBudgetAcrossAccounts() {
        String user = uniqueEmail();
        client.registerUser(user);
        String attacker = uniqueAddress();

        for (int i = 0; i < 50; i++) {
            assertThat(client.login(uniqueEmail(), "sprayed-Password-1", attacker).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = client.login(user, STRONG_PASSWORD, attacker);
        client.assertProblem(throttled, 429, null);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.login(user, STRONG_PASSWORD, uniqueAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String email = uniqueEmail();
        client.registerUser(email);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.login(email, "wrong-Password-" + i, uniqueAddress()).statusCode()).isEqualTo(401);
            }
            assertThat(client.login(email, STRONG_PASSWORD, uniqueAddress()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutRedisLoginsStillWorkUnthrottled() {
        String email = uniqueEmail();
        client.registerUser(email);
        var store = SharedStores.get().redis();

        store.stop();
        try {
            for (int i = 0; i < 6; i++) {
                assertThat(client.login(email, "wrong-Password-" + i, uniqueAddress()).statusCode()).isEqualTo(401);
            }
            assertThat(client.login(email, STRONG_PASSWORD, uniqueAddress()).statusCode()).isEqualTo(200);
        } finally {
            store.restart();
        }
    }

    private JsonNode withoutRequestId(HttpResponse<String> response) {
        ObjectNode problem = (ObjectNode) client.json(response);
        problem.remove("requestId");
        return problem;
    }

    private static HttpResponse<String> timed(List<Long> durations, Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        HttpResponse<String> response = call.get();
        durations.add(System.nanoTime() - started);
        return response;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

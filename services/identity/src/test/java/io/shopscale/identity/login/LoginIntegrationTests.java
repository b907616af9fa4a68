package io.shopscale.identity.login;

import static io.shopscale.identity.IdentityClient.STRONG_PASSWORD;
import static io.shopscale.identity.IdentityClient.uniqueAddress;
import static io.shopscale.identity.IdentityClient.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.identity.IdentityClient;
import io.shopscale.testsupport.RealStoresTest;
import io.shopscale.testsupport.SharedStores;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
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

    @Autowired
    MeterRegistry meters;

    @Autowired
    LoginThrottle throttle;

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
    void theSixthFailureFromOneAddressIsThrottledThereWhileTheOwnerLogsInFromAnother() {
        String victim = uniqueEmail();
        String bystander = uniqueEmail();
        client.registerUser(victim);
        client.registerUser(bystander);
        String attacker = uniqueAddress();

        for (int i = 0; i < 5; i++) {
            client.assertProblem(client.login(victim, "guess-Number-" + i + "-xyz", attacker), 401, null);
        }
        HttpResponse<String> sixth = client.login(victim, "guess-Number-5-xyz", attacker);

        client.assertProblem(sixth, 429, null);
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        // From the attacker's address even the right password waits: it is not even hashed there.
        client.assertProblem(client.login(victim, STRONG_PASSWORD, attacker), 429, null);
        // The owner, elsewhere, is not locked out; nor is another account at the attacker's address.
        assertThat(client.login(victim, STRONG_PASSWORD, uniqueAddress()).statusCode()).isEqualTo(200);
        assertThat(client.login(bystander, STRONG_PASSWORD, attacker).statusCode()).isEqualTo(200);
    }

    @Test
    void parallelGuessesAreCountedBeforeTheyAreHashed() throws Exception {
        String victim = uniqueEmail();
        client.registerUser(victim);
        String attacker = uniqueAddress();
        double hashedBefore = loginCount("failure");
        double throttledBefore = loginCount("throttled");

        List<HttpResponse<String>> answers = inParallel(20,
                i -> client.login(victim, "parallel-Guess-" + i + "-xyz", attacker));

        long evaluated = answers.stream().filter(answer -> answer.statusCode() == 401).count();
        long throttled = answers.stream().filter(answer -> answer.statusCode() == 429).count();
        assertThat(evaluated).as("guesses hashed").isBetween(1L, 5L);
        assertThat(evaluated + throttled).as("every answer a 401 or a 429").isEqualTo(20);
        assertThat(loginCount("failure") - hashedBefore).isEqualTo(evaluated);
        assertThat(loginCount("throttled") - throttledBefore).isEqualTo(throttled);
        answers.stream().filter(answer -> answer.statusCode() == 429).forEach(answer -> {
            client.assertProblem(answer, 429, null);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        });

        assertThat(client.login(victim, STRONG_PASSWORD, uniqueAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountPastItsCeilingIsSlowedNotLocked() throws Exception {
        String victim = uniqueEmail();
        client.registerUser(victim);
        // Twenty failures, the ceiling, from four addresses: each stays within its own budget of five.
        for (int address = 0; address < 4; address++) {
            String from = uniqueAddress();
            List<HttpResponse<String>> answers = inParallel(5,
                    i -> client.login(victim, "spread-Guess-" + i + "-xyz", from));
            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
        }

        // Past the ceiling, guesses from fresh addresses are admitted one per trickle interval (2 s in these tests).
        List<HttpResponse<String>> slowed = inParallel(5,
                i -> client.login(victim, "late-Guess-" + i + "-xyz", uniqueAddress()));

        assertThat(slowed).anySatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(429));
        assertThat(slowed.stream().filter(answer -> answer.statusCode() == 401).count()).isBetween(1L, 2L);
        slowed.stream().filter(answer -> answer.statusCode() == 429).forEach(answer -> {
            client.assertProblem(answer, 429, null);
            assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        });
        // The owner gets in once the next slot opens, and their success lifts the slowdown.
        String owner = uniqueAddress();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.login(victim, STRONG_PASSWORD, owner).statusCode() == 200);
        assertThat(client.login(victim, "after-Owner-xyz", uniqueAddress()).statusCode()).isEqualTo(401);
    }

    @Test
    void oneAddressGetsALargerBudgetAcrossAccountsThatASuccessDoesNotReset() {
        String user = uniqueEmail();
        String attackersOwn = uniqueEmail();
        client.registerUser(user);
        client.registerUser(attackersOwn);
        String attacker = uniqueAddress();

        for (int i = 0; i < 49; i++) {
            assertThat(client.login(uniqueEmail(), "sprayed-Password-1", attacker).statusCode()).isEqualTo(401);
        }
        // A success gives back its own attempt and no more: the 50th failure is allowed, the 51st is not.
        assertThat(client.login(attackersOwn, STRONG_PASSWORD, attacker).statusCode()).isEqualTo(200);
        assertThat(client.login(uniqueEmail(), "sprayed-Password-1", attacker).statusCode()).isEqualTo(401);

        HttpResponse<String> throttled = client.login(user, STRONG_PASSWORD, attacker);
        client.assertProblem(throttled, 429, null);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.login(user, STRONG_PASSWORD, uniqueAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String email = uniqueEmail();
        client.registerUser(email);
        String address = uniqueAddress();

        // Eight failures from one address in all, more than its budget of five, each round ended by the owner.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.login(email, "wrong-Password-" + i, address).statusCode()).isEqualTo(401);
            }
            assertThat(client.login(email, STRONG_PASSWORD, address).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAttemptThatComparedNoPasswordIsGivenBack() {
        String account = uniqueEmail();
        String address = uniqueAddress();
        List<LoginThrottle.Reservation> reservations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reservations.add(throttle.reserve(account, address));
        }
        assertThat(reservations).allSatisfy(reservation -> assertThat(reservation.admitted()).isTrue());
        assertThat(throttle.reserve(account, address).admitted()).isFalse();

        throttle.release(reservations.getFirst());

        assertThat(throttle.reserve(account, address).admitted()).isTrue();
        assertThat(throttle.reserve(account, address).admitted()).isFalse();
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

    private double loginCount(String outcome) {
        return meters.get("identity.login").tag("outcome", outcome).counter().count();
    }

    /** Sends all at once, as far as the machine allows: every call waits for one start signal. */
    private static List<HttpResponse<String>> inParallel(int calls, IntFunction<HttpResponse<String>> call)
            throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(calls)) {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                pending.add(executor.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } catch (TimeoutException e) {
            throw new AssertionError("a login took over a minute", e);
        }
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

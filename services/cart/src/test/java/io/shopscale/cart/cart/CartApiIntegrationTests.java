package io.shopscale.cart.cart;

import static io.shopscale.cart.cart.CartClient.assertProblem;
import static io.shopscale.cart.cart.CartClient.cart;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.testsupport.TestIdentity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

class CartApiIntegrationTests extends RunningCartTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void aNewUserHasAnEmptyCart() {
        JsonNode empty = cart(cart.get(tokenFor(newUser())));

        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("totalQuantity").asInt()).isZero();
        assertThat(empty.get("lines").asInt()).isZero();
        assertThat(empty.get("updatedAt").isNull()).isTrue();
    }

    @Test
    void linesAreSetChangedRemovedAndCleared() {
        String user = newUser();
        String token = tokenFor(user);

        cart(cart.put(token, "DEF-00002", 3));
        JsonNode twoLines = cart(cart.put(token, "ABC-00001", 2));
        JsonNode changed = cart(cart.put(token, "ABC-00001", 5));

        assertThat(twoLines.get("lines").asInt()).isEqualTo(2);
        assertThat(twoLines.get("totalQuantity").asInt()).isEqualTo(5);
        // PUT sets the quantity; it does not add to it.
        assertThat(changed.get("totalQuantity").asInt()).isEqualTo(8);
        assertThat(changed.get("items").get(0).get("sku").asString()).isEqualTo("ABC-00001");
        assertThat(changed.get("items").get(0).get("quantity").asInt()).isEqualTo(5);
        assertThat(Instant.parse(changed.get("updatedAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(cart(cart.get(token))).isEqualTo(changed);

        JsonNode removed = cart(cart.remove(token, "ABC-00001"));
        JsonNode removedAgain = cart(cart.remove(token, "ABC-00001"));
        assertThat(removed.get("lines").asInt()).isEqualTo(1);
        assertThat(removed.get("totalQuantity").asInt()).isEqualTo(3);
        assertThat(removedAgain).isEqualTo(removed);

        HttpResponse<String> cleared = cart.clear(token);
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(cleared.body()).isEmpty();
        assertThat(cart(cart.get(token)).get("items")).isEmpty();
        assertThat(redis.hasKey(CartStore.key(user))).isFalse();
        assertThat(cart.clear(token).statusCode()).isEqualTo(204);
    }

    @Test
    void removingTheLastLineLeavesNoCartBehind() {
        String user = newUser();
        String token = tokenFor(user);
        cart(cart.put(token, "ABC-00001", 1));

        JsonNode empty = cart(cart.remove(token, "ABC-00001"));

        assertThat(empty.get("items")).isEmpty();
        assertThat(redis.hasKey(CartStore.key(user))).isFalse();
    }

    @Test
    void everyChangeRestartsTheThirtyDayExpiry() {
        String user = newUser();
        String token = tokenFor(user);
        String key = CartStore.key(user);
        long thirtyDays = Duration.ofDays(30).toSeconds();

        cart(cart.put(token, "ABC-00001", 1));
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(thirtyDays - 60, thirtyDays);

        redis.expire(key, Duration.ofMinutes(5));
        cart(cart.put(token, "DEF-00002", 1));
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(thirtyDays - 60, thirtyDays);

        redis.expire(key, Duration.ofMinutes(5));
        cart(cart.remove(token, "DEF-00002"));
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(thirtyDays - 60, thirtyDays);
    }

    @Test
    void aCartHoldsAtMostOneHundredLines() {
        String token = tokenFor(newUser());
        for (int i = 0; i < 100; i++) {
            assertThat(cart.put(token, sku(i), 1).statusCode()).isEqualTo(200);
        }

        JsonNode problem = assertProblem(cart.put(token, sku(100), 1), 409, null);
        JsonNode changedExisting = cart(cart.put(token, sku(7), 9));
        cart(cart.remove(token, sku(0)));
        JsonNode replaced = cart(cart.put(token, sku(100), 1));

        assertThat(problem.get("type").asString()).isEqualTo("/problems/cart-full");
        assertThat(problem.get("maxLines").asInt()).isEqualTo(100);
        assertThat(changedExisting.get("lines").asInt()).isEqualTo(100);
        assertThat(changedExisting.get("totalQuantity").asInt()).isEqualTo(108);
        assertThat(replaced.get("lines").asInt()).isEqualTo(100);
    }

    @Test
    void concurrentAddsNeverPushACartPastTheLimit() throws Exception {
        String user = newUser();
        String token = tokenFor(user);
        for (int i = 0; i < 95; i++) {
            assertThat(cart.put(token, sku(i), 1).statusCode()).isEqualTo(200);
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String newSku = sku(1000 + i);
                answers.add(clients.submit(() -> {
                    start.await();
                    return cart.put(token, newSku, 1).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(15);
        assertThat(cart(cart.get(token)).get("lines").asInt()).isEqualTo(100);
        // 100 SKU fields plus the update time.
        assertThat(redis.opsForHash().size(CartStore.key(user))).isEqualTo(101);
    }

    @Test
    void aUserSeesAndChangesOnlyTheirOwnCart() {
        String alice = tokenFor(newUser());
        String bob = tokenFor(newUser());
        JsonNode alicesCart = cart(cart.put(alice, "ABC-00001", 2));

        assertThat(cart(cart.get(bob)).get("items")).isEmpty();
        cart(cart.remove(bob, "ABC-00001"));
        assertThat(cart.clear(bob).statusCode()).isEqualTo(204);
        cart(cart.put(bob, "XYZ-00009", 1));

        assertThat(cart(cart.get(alice))).isEqualTo(alicesCart);
        assertThat(cart(cart.get(bob)).get("items").get(0).get("sku").asString()).isEqualTo("XYZ-00009");
    }

    @Test
    void withoutAValidTokenThereIsNoCart() {
        String user = newUser();
        var claims = IDENTITY.claims(user, "USER");
        // Names identity's key but is signed with another one.
        String forged = TestIdentity.sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(IDENTITY.signingKey().getKeyID()).build(),
                claims.build(), TestIdentity.newKey());
        String expired = IDENTITY.sign(IDENTITY.claims(user, "USER")
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build());
        String foreignIssuer = IDENTITY.sign(IDENTITY.claims(user, "USER").issuer("someone-else").build());

        for (String token : new String[] {null, "not-a-jwt", forged, expired, foreignIssuer}) {
            HttpResponse<String> response = cart.get(token);
            assertProblem(response, 401, null);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertProblem(cart.put(token, "ABC-00001", 1), 401, null);
            assertProblem(cart.clear(token), 401, null);
        }
        assertThat(redis.hasKey(CartStore.key(user))).isFalse();
    }

    @Test
    void cartOperationsAreCounted() {
        String token = tokenFor(newUser());
        double before = meters.counter("cart.operations", "operation", "set", "outcome", "ok").count();

        cart(cart.put(token, "ABC-00001", 1));

        assertThat(meters.counter("cart.operations", "operation", "set", "outcome", "ok").count())
                .isEqualTo(before + 1);
    }
}

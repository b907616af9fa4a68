package io.shopscale.cart.cart;

import static io.shopscale.cart.cart.CartClient.assertProblem;
import static io.shopscale.cart.cart.CartClient.cart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.stores.RedisStore;
import io.shopscale.testsupport.TestIdentity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Takes Redis away under a running cart and brings it back. This class runs its own Redis (not the shared one the
 * other classes in this JVM use), so stopping it disturbs no one; that is also why it is not a RealStoresTest,
 * which would point the context at the shared Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CartRedisOutageIntegrationTests {

    static final RedisStore REDIS = RedisStore.start(0, null);
    static final TestIdentity IDENTITY = TestIdentity.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> REDIS.urlFor("cart"));
        registry.add("eureka.client.enabled", () -> "false");
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri",
                () -> IDENTITY.uri().toString());
    }

    @AfterAll
    static void stopStores() {
        REDIS.close();
        IDENTITY.close();
    }

    @Test
    void withoutRedisTheCartAnswers503AtOnceAndWorksAgainWhenRedisIsBack() {
        CartClient cart = new CartClient(port);
        String token = IDENTITY.token(UUID.randomUUID().toString(), "USER");
        cart(cart.put(token, "ABC-00001", 2));

        REDIS.stop();
        try {
            List<Supplier<HttpResponse<String>>> requests = List.of(
                    () -> cart.get(token),
                    () -> cart.put(token, "ABC-00001", 3),
                    () -> cart.remove(token, "ABC-00001"),
                    () -> cart.clear(token));
            for (int round = 0; round < 5; round++) {
                for (Supplier<HttpResponse<String>> request : requests) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = request.get();
                    Duration took = Duration.ofNanos(System.nanoTime() - started);

                    assertProblem(response, 503, null);
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(took).isLessThan(Duration.ofSeconds(1));
                }
            }
            assertThat(cart.send("GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(503);
            assertThat(cart.send("GET", "/actuator/health/liveness", null, null, null).statusCode()).isEqualTo(200);
        } finally {
            REDIS.restart();
        }

        // The embedded Redis keeps nothing on disk, so the cart comes back empty; what matters is that it comes back.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> cart.get(token).statusCode() == 200);
        assertThat(cart(cart.put(token, "ABC-00001", 4)).get("totalQuantity").asInt()).isEqualTo(4);
        assertThat(cart.send("GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(200);
    }
}

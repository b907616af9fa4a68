package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.shopscale.testsupport.RealStoresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders service on a random port against real PostgreSQL and Kafka, with identity, catalog and inventory as
 * real servers. Every system test class extends this one, so they all share one application context.
 */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopscale.orders.inventory.deadline=1s",
        "shopscale.orders.expiry-interval=200ms",
        "shopscale.orders.expiry-grace=0s",
        "shopscale.orders.outbox.resubmit-interval=1s",
        "shopscale.orders.outbox.resubmit-min-age=1s"})
abstract class SystemTestSupport {

    static final Duration DEADLINE = Duration.ofSeconds(1);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    final Collaborators collaborators = Collaborators.get();

    @DynamicPropertySource
    static void collaborators(DynamicPropertyRegistry registry) {
        Collaborators.get().register(registry);
    }

    @BeforeEach
    void healthyCollaborators() {
        collaborators.inventory.mode(FakeInventory.Mode.NORMAL);
        collaborators.catalog.failing(false);
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    static String newUser() {
        return UUID.randomUUID().toString();
    }

    String token(String user) {
        return collaborators.identity.token(user, "USER");
    }

    HttpResponse<String> checkout(String user, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/orders"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(15));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Places an order that must be accepted and returns its id. */
    String placeOrder(String user, String body) throws Exception {
        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("orderId").asString();
    }

    JsonNode getJson(String user, String path) throws Exception {
        HttpResponse<String> response = get(user, path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    long ordersOf(String user) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user").param("user", user)
                .query(Long.class).single();
    }

    JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        return problem;
    }

    static String items(String... skuAndQuantity) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"sku\":\"").append(skuAndQuantity[i]).append("\",\"quantity\":")
                    .append(skuAndQuantity[i + 1]).append('}');
        }
        return body.append("]}").toString();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

package io.shopscale.psp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running simulator over real HTTP: charges and refunds on one port, the admin API on the other. */
public final class PspClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final int chargePort;
    private final int adminPort;
    private final String adminToken;

    public PspClient(int chargePort, int adminPort, String adminToken) {
        this.chargePort = chargePort;
        this.adminPort = adminPort;
        this.adminToken = adminToken;
    }

    public static String chargeBody(long amount, String orderRef) {
        return "{\"amount\": %d, \"currency\": \"EUR\", \"customer\": \"cus_test\", \"orderRef\": \"%s\"}"
                .formatted(amount, orderRef);
    }

    public HttpResponse<String> charge(String key, String body) {
        return send(chargeRequest(key, body, Duration.ofSeconds(10)));
    }

    public CompletableFuture<HttpResponse<String>> chargeAsync(String key, String body) {
        return http.sendAsync(chargeRequest(key, body, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
    }

    /** A charge request that gives up after {@code timeout}, as a client with a read timeout does. */
    public HttpResponse<String> chargeWithin(String key, String body, Duration timeout) throws IOException {
        try {
            return http.send(chargeRequest(key, body, timeout), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest chargeRequest(String key, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(charges("/v1/charges"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }

    public static String refundBody(String chargeId) {
        return "{\"charge\": \"%s\"}".formatted(chargeId);
    }

    public HttpResponse<String> refund(String key, String body) {
        return send(post("/v1/refunds", key, body));
    }

    public CompletableFuture<HttpResponse<String>> refundAsync(String key, String body) {
        return http.sendAsync(post("/v1/refunds", key, body), HttpResponse.BodyHandlers.ofString());
    }

    /** Charges 100 for the order and returns the charge; fails the test unless it succeeded. */
    public JsonNode chargeForOrder(String orderRef) {
        HttpResponse<String> response = charge("key-" + UUID.randomUUID(), chargeBody(100, orderRef));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest post(String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(charges(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }

    public JsonNode chargesFor(String orderRef) {
        HttpResponse<String> response = get(charges("/v1/charges?orderRef=" + orderRef));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode charges = JSON.readTree(response.body());
        assertThat(charges.isArray()).as(response.body()).isTrue();
        return charges;
    }

    public HttpResponse<String> getCharge(String path) {
        return get(charges(path));
    }

    /** An admin request with the admin token. */
    public HttpResponse<String> admin(String method, String path, String body) {
        return adminWith("Bearer " + adminToken, method, path, body);
    }

    /** An admin request with the given {@code Authorization} header, or none when it is null. */
    public HttpResponse<String> adminWith(String authorization, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** Changes the named settings and returns them all; fails the test unless the admin API accepted them. */
    public JsonNode settings(String changes) {
        HttpResponse<String> response = admin("PATCH", "/admin/settings", changes);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI charges(String path) {
        return URI.create("http://127.0.0.1:" + chargePort + path);
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** Asserts an RFC 9457 problem with the status (and the named parameter, if given) that leaks no internals. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String parameter) {
        String exchange = response.request().method() + " " + response.uri() + " -> " + response.body();
        assertThat(response.statusCode()).as(exchange).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(exchange)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).as(exchange).isEqualTo(parameter);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        return problem;
    }

    public static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}

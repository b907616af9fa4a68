package io.shopscale.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against a running identity service, the way a browser or the gateway would call it. */
public final class IdentityClient {

    /** Every integration test class runs with this administrator password, so they share one context. */
    public static final String ADMIN_PASSWORD = "Integration-Boss-Wombat-4711";
    public static final String ADMIN_PASSWORD_PROPERTY = "shopscale.identity.admin.password=" + ADMIN_PASSWORD;
    public static final String STRONG_PASSWORD = "plum-orbit-Cascade-93";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public IdentityClient(int port) {
        this.port = port;
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A documentation-range address (RFC 5737), new for every call, so per-address throttling never carries over. */
    public static String uniqueAddress() {
        int n = (int) (Math.random() * 65_000);
        return "198.51." + (n / 250) % 250 + "." + (n % 250 + 1);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> getWithToken(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    public HttpResponse<String> register(String email, String password, String name) {
        return post("/api/auth/register", json.writeValueAsString(
                Map.of("email", email, "password", password, "name", name)));
    }

    /** Registers a new account with a strong password and returns its id. */
    public String registerUser(String email) {
        HttpResponse<String> response = register(email, STRONG_PASSWORD, "Test User");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("userId").asString();
    }

    public HttpResponse<String> login(String email, String password, String clientAddress) {
        return post("/api/auth/login", json.writeValueAsString(Map.of("email", email, "password", password)),
                "X-Forwarded-For", clientAddress);
    }

    /** Logs in and returns the access token. */
    public String token(String email, String password) {
        HttpResponse<String> response = login(email, password, uniqueAddress());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("accessToken").asString();
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Asserts an RFC 9457 problem with this status (and parameter, when given) and returns it. */
    public JsonNode assertProblem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("requestId")).as(response.body()).isTrue();
        if (parameter != null) {
            assertThat(problem.path("parameter").asString()).as(response.body()).isEqualTo(parameter);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("tools.jackson");
        return problem;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

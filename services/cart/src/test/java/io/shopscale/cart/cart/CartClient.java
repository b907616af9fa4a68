package io.shopscale.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running cart over real HTTP, as the gateway does. */
final class CartClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    CartClient(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String token) {
        return send("GET", "/api/cart", token, null, null);
    }

    HttpResponse<String> put(String token, String sku, int quantity) {
        return putRaw(token, sku, "{\"quantity\":" + quantity + "}");
    }

    HttpResponse<String> putRaw(String token, String sku, String body) {
        return send("PUT", "/api/cart/items/" + sku, token, body, "application/json");
    }

    HttpResponse<String> remove(String token, String sku) {
        return send("DELETE", "/api/cart/items/" + sku, token, null, null);
    }

    HttpResponse<String> clear(String token) {
        return send("DELETE", "/api/cart", token, null, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cart a 200 answered with. */
    static JsonNode cart(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Asserts an RFC 9457 problem with the status (and the named parameter, if given) that leaks no internals. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String parameter) {
        String exchange = response.request().method() + " " + response.uri() + " -> " + response.body();
        assertThat(response.statusCode()).as(exchange).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(exchange)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("redis");
        return problem;
    }
}

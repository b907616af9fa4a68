package io.shopscale.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API as a shopper's client uses it, through the gateway only. */
final class Shop {

    static final JsonMapper JSON = JsonMapper.builder().build();


    private final String gateway;

    Shop(String gateway) {
        this.gateway = gateway;
    }

    record Line(String sku, int quantity) {
    }

    /** Registers a new account and logs in; answers its access token. */
    String newShopper() {
        String email = "shopper-" + System.nanoTime() + "@example.com";
        String password = "a long enough passphrase " + System.nanoTime();
        HttpResponse<String> registered = sendWithinRateLimit(post("/api/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Shopper\"}"));
        expect(registered, 201);
        return login(email, password);
    }

    String login(String email, String password) {
        HttpResponse<String> login = sendWithinRateLimit(post("/api/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        expect(login, 200);
        return json(login).get("accessToken").asString();
    }

    HttpResponse<String> putCartLine(String token, String sku, int quantity) {
        return send(request("/api/cart/items/" + sku, token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"))
                .header("Content-Type", "application/json").build());
    }

    HttpResponse<String> cart(String token) {
        return send(request("/api/cart", token).GET().build());
    }

    HttpResponse<String> checkout(String token, String idempotencyKey, List<Line> lines) {
        String items = lines.stream()
                .map(line -> "{\"sku\":\"" + line.sku() + "\",\"quantity\":" + line.quantity() + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return send(post("/api/orders", token, "{\"items\":" + items + "}", Map.of("Idempotency-Key", idempotencyKey)));
    }

    /**
     * Checkout as a well-behaved client does it: a 503, or a 429 or 409 that carries Retry-After (the platform is
     * full, or the same key is still in flight), is retried with the same Idempotency-Key about a second later, until
     * the answer is final.
     */
    HttpResponse<String> checkoutUntilDecided(String token, String idempotencyKey, List<Line> lines) {
        return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> checkout(token, idempotencyKey, lines), response -> !retryable(response));
    }

    private static boolean retryable(HttpResponse<String> response) {
        return response.statusCode() == 503
                || ((response.statusCode() == 409 || response.statusCode() == 429)
                        && response.headers().firstValue("Retry-After").isPresent());
    }

    HttpResponse<String> order(String token, String orderId) {
        return send(request("/api/orders/" + orderId, token).GET().build());
    }

    /** The payment of an order as operators see it (ADMIN): its status and every call made to the provider. */
    HttpResponse<String> payment(String token, String orderId) {
        return send(request("/api/admin/payments/" + orderId, token).GET().build());
    }

    int available(String sku) {
        HttpResponse<String> response = send(request("/api/inventory/" + sku, null).GET().build());
        expect(response, 200);
        return json(response).get("available").asInt();
    }

    /** The admin view of one SKU: available, reserved, sold and its version. */
    JsonNode stock(String adminToken, String sku) {
        HttpResponse<String> response = send(request("/api/admin/inventory/" + sku, adminToken).GET().build());
        expect(response, 200);
        return json(response);
    }

    /** Sets a SKU's available units as an admin does: a compare-and-set on the version just read. */
    JsonNode setStock(String adminToken, String sku, int available) {
        long version = stock(adminToken, sku).get("version").asLong();
        HttpResponse<String> response = send(request("/api/admin/inventory/" + sku, adminToken)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"available\":" + available + ",\"version\":" + version
                        + "}"))
                .header("Content-Type", "application/json").build());
        expect(response, 200);
        return json(response);
    }

    /** Sets a product's price as an admin does; the amount is in minor units. */
    HttpResponse<String> putPrice(String token, String sku, long amount, String currency) {
        return send(request("/api/admin/products/" + sku + "/price", token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + ",\"currency\":\"" + currency
                        + "\"}"))
                .header("Content-Type", "application/json").build());
    }

    /** Catalog price in minor units. */
    long price(String sku) {
        HttpResponse<String> response = send(request("/api/products/by-sku?sku=" + sku, null).GET().build());
        expect(response, 200);
        return json(response).get("items").get(0).get("price").get("amount").asLong();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " from " + response.request().method() + " "
                    + response.uri() + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpRequest post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    private HttpRequest post(String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return request.build();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /**
     * Sends as a well-behaved client does past the gateway's per-address limit on credentials: a 429 did nothing, so
     * it is sent again once the limiter lets it through (it asks for a second at a time).
     */
    static HttpResponse<String> sendWithinRateLimit(HttpRequest request) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> send(request), response -> response.statusCode() != 429);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return EdgeHttp.send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

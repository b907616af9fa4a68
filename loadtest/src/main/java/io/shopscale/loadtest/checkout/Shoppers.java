package io.shopscale.loadtest.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers fresh accounts through the gateway and logs them in. A few at a time: each registration and login
 * hashes a password with Argon2id, which is deliberately expensive.
 */
final class Shoppers {

    private static final int PARALLEL = 4;

    private final HttpClient client;
    private final URI gateway;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    Shoppers(HttpClient client, URI gateway, Duration timeout) {
        this.client = client;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /** Access tokens of {@code count} new shoppers whose emails carry {@code runId}. */
    List<String> register(int count, String runId) throws InterruptedException {
        Semaphore parallel = new Semaphore(PARALLEL);
        List<Future<String>> tokens = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= count; i++) {
                String email = "shopper-%s-%d@bench.example.com".formatted(runId, i);
                tokens.add(threads.submit(() -> {
                    parallel.acquire();
                    try {
                        return token(email);
                    }
                    finally {
                        parallel.release();
                    }
                }));
            }
            List<String> result = new ArrayList<>(count);
            for (Future<String> token : tokens) {
                result.add(token.get());
            }
            return result;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        }
    }

    private String token(String email) throws IOException, InterruptedException {
        // The password must not contain the email's local part.
        String password = "correct horse battery staple " + Integer.toHexString(email.hashCode());
        post("/api/auth/register", Map.of("email", email, "password", password, "name", "Bench Shopper"), 201);
        String login = post("/api/auth/login", Map.of("email", email, "password", password), 200);
        String token = json.readTree(login).path("accessToken").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException("login of " + email + " returned no accessToken");
        }
        return token;
    }

    private String post(String path, Map<String, String> body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}

package io.shopscale.loadtest.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers and logs in shoppers through the gateway. Registration and login hash a password with Argon2id, which
 * is deliberately expensive, so only a few run at a time; and the gateway limits credential calls per address, so a
 * {@code 429} is waited out as its {@code Retry-After} asks, and counted, rather than treated as a failure. A
 * {@code 502}, {@code 503} or {@code 504} (a platform still warming up) is asked again after a pause too.
 */
public final class Accounts {

    private static final int MAX_ATTEMPTS = 30;

    private final HttpClient client;
    private final URI gateway;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder waitedMillis = new LongAdder();
    private final LongAdder unavailableAnswers = new LongAdder();

    public Accounts(HttpClient client, URI gateway, Duration timeout) {
        this.client = client;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /** {@code count} new shoppers whose emails carry {@code runId}, {@code parallel} registrations at a time. */
    public List<Shopper> register(int count, String runId, int parallel) throws InterruptedException {
        Semaphore permits = new Semaphore(parallel);
        List<Future<Shopper>> shoppers = new ArrayList<>(count);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                String email = "shopper-%s-%d@bench.example.com".formatted(runId, i + 1);
                shoppers.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return register(index, email);
                    }
                    finally {
                        permits.release();
                    }
                }));
            }
            List<Shopper> result = new ArrayList<>(count);
            for (Future<Shopper> shopper : shoppers) {
                result.add(shopper.get());
            }
            return result;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        }
    }

    /** Registers one account (or finds it taken by an earlier run with the same id) and logs it in. */
    public Shopper register(int index, String email) throws IOException, InterruptedException {
        // The password must not contain the email's local part.
        String password = "correct horse battery staple " + Integer.toHexString(email.hashCode());
        HttpResponse<String> registered = post("/api/auth/register",
                Map.of("email", email, "password", password, "name", "Bench Shopper"), MAX_ATTEMPTS);
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            throw new IllegalStateException("POST /api/auth/register answered " + registered.statusCode() + ": "
                    + registered.body());
        }
        return new Shopper(index, email, password, login(email, password));
    }

    /**
     * Logs the shopper in again; the caller decides when (see {@link Shopper#needsLogin}). One attempt: under load a
     * 429 is an answer to report, not one to wait out while the shopper's request holds its slot.
     */
    public void renew(Shopper shopper) throws IOException, InterruptedException {
        shopper.renewed(login(shopper.email(), shopper.password(), 1));
    }

    public AccessToken login(String email, String password) throws IOException, InterruptedException {
        return login(email, password, MAX_ATTEMPTS);
    }

    private AccessToken login(String email, String password, int attempts) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/auth/login", Map.of("email", email, "password", password),
                attempts);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        var body = json.readTree(response.body());
        String token = body.path("accessToken").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException("login of " + email + " returned no accessToken");
        }
        return AccessToken.of(token, body.path("expiresIn").asLong(900), Instant.now());
    }

    /** Answers of 429 met so far. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** Answers of 502, 503 or 504 that were asked again so far. */
    public long unavailable() {
        return unavailableAnswers.sum();
    }

    /** Time spent waiting out 429s so far, summed over parallel callers. */
    public Duration waited() {
        return Duration.ofMillis(waitedMillis.sum());
    }

    private HttpResponse<String> post(String path, Map<String, String> body, int attempts)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            boolean unavailable = status == 502 || status == 503 || status == 504;
            if ((status != 429 && !unavailable) || attempt >= attempts) {
                return response;
            }
            Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            if (unavailable) {
                // A platform still warming up (or a gateway that timed out on a slow hash) is asked again after the
                // pause it names, a second by default; a registration that went through meanwhile is then found taken.
                unavailableAnswers.increment();
            }
            else {
                rateLimited.increment();
                waitedMillis.add(wait.toMillis());
            }
            // The gateway named when to come back: the next attempt is scheduled then, not sooner.
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toMillis(),
                    TimeUnit.MILLISECONDS)).join();
        }
    }
}

package io.shopscale.loadtest.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * One {@code POST /api/orders} with a fresh {@code Idempotency-Key}. The JDK client is used rather than the
 * module's lean socket client: that one speaks GET only with fixed per-target headers, while a checkout needs a
 * body and a different key and token on every request. At checkout rates (hundreds per second) the JDK client's
 * extra CPU per request is small next to the platform's.
 */
final class CheckoutCall implements Callable<String> {

    private final HttpClient client;
    private final HttpRequest request;

    CheckoutCall(HttpClient client, URI orders, String token, String body, Duration timeout) {
        this.client = client;
        this.request = HttpRequest.newBuilder(orders)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The status code, or "timeout" / "io-error" / "interrupted". */
    @Override
    public String call() {
        try {
            return Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        catch (HttpTimeoutException ex) {
            return "timeout";
        }
        catch (IOException ex) {
            return "io-error";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

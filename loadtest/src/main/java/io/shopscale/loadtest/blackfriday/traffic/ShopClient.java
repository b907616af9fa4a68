package io.shopscale.loadtest.blackfriday.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.shopscale.loadtest.account.AccessToken;

/**
 * The shop's HTTP API as the shoppers call it, on the JDK client: every request carries its shopper's token, its own
 * body and, for checkout, its own key, which the module's GET-only socket client cannot do. Never throws: a timeout
 * or a broken connection comes back as a {@link Reply} like any answer.
 */
public final class ShopClient {

    private final HttpClient client;
    private final URI gateway;
    private final Duration timeout;

    public ShopClient(HttpClient client, URI gateway, Duration timeout) {
        this.client = client;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    Reply get(String path, AccessToken token, boolean readBody) {
        return send(request(path, token).GET(), readBody);
    }

    Reply put(String path, AccessToken token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), false);
    }

    Reply checkout(AccessToken token, String idempotencyKey, String json) {
        return send(request("/api/orders", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    private HttpRequest.Builder request(String path, AccessToken token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", token.header());
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request, boolean readBody) {
        try {
            if (readBody) {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), null, response.body(),
                        response.headers().firstValue("Retry-After").orElse(null));
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Reply(response.statusCode(), null, "",
                    response.headers().firstValue("Retry-After").orElse(null));
        }
        catch (HttpTimeoutException ex) {
            return Reply.failed("timeout");
        }
        catch (IOException | RuntimeException ex) {
            return Reply.failed("io-error");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Reply.failed("io-error");
        }
    }
}

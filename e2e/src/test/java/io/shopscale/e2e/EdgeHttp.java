package io.shopscale.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The tests' HTTP client, speaking HTTP/1.1 to the gateway as a browser would. A read (GET or HEAD) that gets no
 * answer in time is asked once more on a fresh connection, as browsers and SDKs do, and the retry is printed:
 * Reactor Netty's server can, rarely, stop reading a kept-alive connection after a request it answered without
 * reading further (reactor/reactor-netty#4361, fixed after the version Spring Boot 4.0 ships). Writes are never
 * repeated here; their tests own any retry, with the same Idempotency-Key.
 */
final class EdgeHttp {

    private static final HttpClient HTTP = client();

    private EdgeHttp() {
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                throw e;
            }
            System.err.println("e2e: " + request.method() + " " + request.uri() + " got no answer in time; asking again"
                    + " on a new connection");
            try (HttpClient fresh = client()) {
                return fresh.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
    }
}

package io.shopscale.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The tests' HTTP client, speaking HTTP/1.1 to the gateway on a new connection for every request. The gateway's
 * Reactor Netty server can, rarely, leave a request on a kept-alive connection unanswered after it answered earlier
 * ones on that connection (seen after 401s and probes; upstream reports of that kind are reactor/reactor-netty#4188
 * and #4361, fixed after the version Spring Boot 4.0 ships). These tests are about what the platform answers, so
 * they do not reuse connections; the gateway's own tests do the same.
 */
final class EdgeHttp {

    private EdgeHttp() {
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}

package io.shopscale.loadtest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * {@link Transport} on the JDK's {@link HttpClient}: HTTP/1.1 with a keep-alive connection pool, redirects
 * not followed (a 3xx is the answer being measured). The body is read to the end and discarded, so latency
 * covers the full response.
 */
public final class JdkTransport implements Transport {

    private final HttpClient client;
    private final Map<String, String> headers;
    private final Duration timeout;

    public JdkTransport(Map<String, String> headers, Duration timeout) {
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public PreparedRequest prepare(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(timeout);
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        return () -> send(request);
    }

    private Outcome send(HttpRequest request) {
        try {
            return Outcome.response(client.send(request, BodyHandlers.discarding()).statusCode());
        }
        catch (HttpTimeoutException ex) {
            return Outcome.timeout();
        }
        catch (IOException | RuntimeException ex) {
            return Outcome.failure();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Outcome.failure();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

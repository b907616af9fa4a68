package io.shopscale.launcher.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** UP when {@code GET http://<host>:<port><path>} answers 200. */
record HttpCheck(String host, int port, String path) implements HealthCheck {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    @Override
    public String description() {
        return "GET " + uri() + " never answered 200";
    }

    @Override
    public Health probe() {
        var request = HttpRequest.newBuilder(uri())
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            int status = CLIENT.send(request, BodyHandlers.discarding()).statusCode();
            return status == 200 ? Health.UP : Health.DOWN;
        }
        catch (IOException unreachable) {
            return Health.UNREACHABLE;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Health.UNREACHABLE;
        }
    }

    private URI uri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port + path);
    }
}

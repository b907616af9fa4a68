package io.shopscale.loadtest.ids;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Loads the ids to request from a listing endpoint, once, before any measuring starts. */
public final class IdFetcher {

    private IdFetcher() {
    }

    /** Throws {@link IllegalArgumentException} with the reason when no ids can be had from {@code source}. */
    public static List<String> fetch(URI source, Map<String, String> headers, Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(source).timeout(timeout)
                    .header("Accept", "application/json");
            headers.forEach(request::setHeader);
            var response = client.send(request.build(), BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalArgumentException("GET " + source + " answered " + response.statusCode());
            }
            return IdExtractor.extract(response.body());
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("GET " + source + " failed: " + describe(ex));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while loading ids from " + source);
        }
    }

    private static String describe(IOException ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}

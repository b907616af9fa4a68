package io.shopscale.launcher.drill;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The payment provider simulator's admin API ({@code /admin/settings} on its admin port): read its settings, change
 * some (JSON Merge Patch), or bring back those it started with. Every request carries the admin token the simulator
 * was started with. Used by {@code ./shopscale psp} and by the drills that make the provider fail.
 */
public final class ProviderAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI settings;

    private final String authorization;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ProviderAdmin(int adminPort, String token) {
        this.settings = URI.create("http://127.0.0.1:" + adminPort + "/admin/settings");
        this.authorization = "Bearer " + token;
    }

    /** The settings now, as the simulator shows them. */
    public String settings() {
        return send(HttpRequest.newBuilder(settings).GET());
    }

    /** Applies the named settings; returns them all as they are afterwards. */
    public String change(ObjectNode changes) {
        return send(HttpRequest.newBuilder(settings)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(changes.toString()))
                .header("Content-Type", "application/json"));
    }

    /** Back to the settings the simulator started with. */
    public String reset() {
        return send(HttpRequest.newBuilder(settings).DELETE());
    }

    public static ObjectNode changes() {
        return JSON.createObjectNode();
    }

    /** One setting of a settings document, as text. */
    public static String setting(String settingsJson, String name) {
        return JSON.readTree(settingsJson).path(name).asString();
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The payment provider simulator does not answer: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Refused(response.statusCode(), detail(response.body()));
        }
        return response.body();
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("detail").asString(body);
        }
        catch (JacksonException notJson) {
            return body;
        }
    }

    /** The simulator answered, but not with a 2xx: {@code detail} is its explanation. */
    public static final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}

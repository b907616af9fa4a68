package io.shopscale.launcher.cli;

import io.shopscale.launcher.state.InstanceRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Ends the registry lease of an instance that is known to be dead. A killed instance never says goodbye, so the
 * registry would keep handing it out until its lease runs out (seconds, during which every client that picks it gets
 * a refused connection); the launcher saw the process die and can say so at once, as an orchestrator removes a dead
 * pod's endpoint. Best effort: a registry that is down or has already forgotten the instance changes nothing.
 */
final class RegistryLeases {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String registryUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RegistryLeases(String registryUrl) {
        this.registryUrl = registryUrl.endsWith("/") ? registryUrl : registryUrl + "/";
    }

    /** Whether the registry dropped the instance now (false when it did not know it, or could not be asked). */
    boolean cancel(InstanceRecord dead) {
        URI lease = URI.create(registryUrl + "apps/" + dead.component().toUpperCase(Locale.ROOT) + "/"
                + instanceId(dead));
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(lease).timeout(TIMEOUT).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException unreachable) {
            return false;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The id each service registers under (service defaults: application name and HTTP port). */
    static String instanceId(InstanceRecord instance) {
        return instance.component() + ":" + instance.port();
    }
}

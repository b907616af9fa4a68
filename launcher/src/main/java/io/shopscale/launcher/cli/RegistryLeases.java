package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.PlatformSecrets.RegistryCredentials;
import io.shopscale.launcher.state.InstanceRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Ends the registry lease of an instance that is known to be dead. A killed instance never says goodbye, so the
 * registry would keep handing it out until its lease runs out (seconds, during which every client that picks it gets
 * a refused connection); the launcher saw the process die and can say so at once, as an orchestrator removes a dead
 * pod's endpoint. Best effort: a registry that is down, has already forgotten the instance or refuses the
 * credentials changes nothing.
 */
final class RegistryLeases {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String registryUrl;

    private final Optional<RegistryCredentials> credentials;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param credentials what the registry wants to hear from anyone who changes it */
    RegistryLeases(String registryUrl, Optional<RegistryCredentials> credentials) {
        this.registryUrl = registryUrl.endsWith("/") ? registryUrl : registryUrl + "/";
        this.credentials = credentials;
    }

    /** Whether the registry dropped the instance now (false when it did not know it, or could not be asked). */
    boolean cancel(InstanceRecord dead) {
        URI lease = URI.create(registryUrl + "apps/" + dead.component().toUpperCase(Locale.ROOT) + "/"
                + instanceId(dead));
        HttpRequest.Builder request = HttpRequest.newBuilder(lease).timeout(TIMEOUT).DELETE();
        credentials.ifPresent(registry -> request.header("Authorization", registry.authorization()));
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
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

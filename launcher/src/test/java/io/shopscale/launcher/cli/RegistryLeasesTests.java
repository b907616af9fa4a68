package io.shopscale.launcher.cli;

import com.sun.net.httpserver.HttpServer;
import io.shopscale.launcher.platform.PlatformSecrets.RegistryCredentials;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.state.InstanceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryLeasesTests {

    private static final RegistryCredentials CREDENTIALS =
            new RegistryCredentials("shopscale", "registry-password-0123456789abcdefghijk");

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private HttpServer registry;

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void cancelsTheDeadInstancesLeaseUnderTheIdItRegisteredWithSendingTheRegistrysCredentials() throws IOException {
        String url = registry(200);

        boolean cancelled = new RegistryLeases(url, Optional.of(CREDENTIALS)).cancel(deadCatalog(45497));

        assertThat(cancelled).isTrue();
        assertThat(requests).containsExactly("DELETE /eureka/apps/CATALOG/catalog:45497 " + CREDENTIALS.authorization());
    }

    @Test
    void aRegistryThatRefusesTheCredentialsChangesNothing() throws IOException {
        String url = registry(200);
        var wrong = new RegistryCredentials("shopscale", "not-the-registry-password");

        assertThat(new RegistryLeases(url, Optional.of(wrong)).cancel(deadCatalog(45497))).isFalse();
        assertThat(new RegistryLeases(url, Optional.empty()).cancel(deadCatalog(45497))).isFalse();
    }

    @Test
    void anInstanceTheRegistryNoLongerKnowsIsNotReportedAsCancelled() throws IOException {
        String url = registry(404);

        assertThat(new RegistryLeases(url, Optional.of(CREDENTIALS)).cancel(deadCatalog(45497))).isFalse();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRegistryThatIsDownChangesNothing() {
        String url = "http://127.0.0.1:" + Ports.free() + "/eureka/";

        assertThat(new RegistryLeases(url, Optional.of(CREDENTIALS)).cancel(deadCatalog(45497))).isFalse();
    }

    /** Answers {@code status} to a request with the right credentials, 401 to any other, as the registry does. */
    private String registry(int status) throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/eureka/apps/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + authorization);
            exchange.sendResponseHeaders(CREDENTIALS.authorization().equals(authorization) ? status : 401, -1);
            exchange.close();
        });
        registry.start();
        return "http://127.0.0.1:" + registry.getAddress().getPort() + "/eureka/";
    }

    private static InstanceRecord deadCatalog(int port) {
        return new InstanceRecord("catalog", 2, 1L << 30, port, List.of(port), "catalog.jar", "catalog-2.log",
                Instant.now());
    }
}

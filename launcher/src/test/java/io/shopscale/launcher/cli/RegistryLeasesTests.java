package io.shopscale.launcher.cli;

import com.sun.net.httpserver.HttpServer;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.state.InstanceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryLeasesTests {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private HttpServer registry;

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void cancelsTheDeadInstancesLeaseUnderTheIdItRegisteredWith() throws IOException {
        String url = registry(200);

        boolean cancelled = new RegistryLeases(url).cancel(deadCatalog(45497));

        assertThat(cancelled).isTrue();
        assertThat(requests).containsExactly("DELETE /eureka/apps/CATALOG/catalog:45497");
    }

    @Test
    void anInstanceTheRegistryNoLongerKnowsIsNotReportedAsCancelled() throws IOException {
        String url = registry(404);

        assertThat(new RegistryLeases(url).cancel(deadCatalog(45497))).isFalse();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRegistryThatIsDownChangesNothing() {
        String url = "http://127.0.0.1:" + Ports.free() + "/eureka/";

        assertThat(new RegistryLeases(url).cancel(deadCatalog(45497))).isFalse();
    }

    private String registry(int status) throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/eureka/apps/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(status, -1);
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

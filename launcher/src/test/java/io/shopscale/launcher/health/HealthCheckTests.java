package io.shopscale.launcher.health;

import com.sun.net.httpserver.HttpServer;
import io.shopscale.launcher.platform.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckTests {

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void httpIsUpOnlyWhenReadinessAnswers200() throws IOException {
        assertThat(HealthCheck.http(serve(200), "/actuator/health/readiness").probe()).isEqualTo(Health.UP);
        assertThat(HealthCheck.http(serve(503), "/actuator/health/readiness").probe()).isEqualTo(Health.DOWN);
        assertThat(HealthCheck.http(Ports.free(), "/actuator/health/readiness").probe()).isEqualTo(Health.UNREACHABLE);
    }

    @Test
    void allOfIsUpOnlyWhenReadinessAndEveryRouteProbeAre() throws IOException {
        HealthCheck up = HealthCheck.http(serve(200), "/actuator/health/readiness");
        HealthCheck down = HealthCheck.http(serve(503), "/api/products?size=1");

        assertThat(HealthCheck.allOf(up, List.of(up)).probe()).isEqualTo(Health.UP);
        assertThat(HealthCheck.allOf(up, List.of(down)).probe()).isEqualTo(Health.DOWN);
        assertThat(HealthCheck.allOf(down, List.of(up)).probe()).isEqualTo(Health.DOWN);
    }

    @Test
    void tcpIsUpWhenEveryPortAcceptsAndDownWhenOnlySomeDo() throws IOException {
        try (var first = new ServerSocket(0); var second = new ServerSocket(0)) {
            int closed = Ports.free();

            assertThat(HealthCheck.tcp(List.of(first.getLocalPort(), second.getLocalPort())).probe())
                    .isEqualTo(Health.UP);
            assertThat(HealthCheck.tcp(List.of(first.getLocalPort(), closed)).probe()).isEqualTo(Health.DOWN);
            assertThat(HealthCheck.tcp(List.of(closed)).probe()).isEqualTo(Health.UNREACHABLE);
        }
    }

    private int serve(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }
}

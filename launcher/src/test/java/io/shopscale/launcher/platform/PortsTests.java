package io.shopscale.launcher.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

    @Test
    void aListeningPortIsInUseAndAFreedOneIsNot() throws IOException {
        int port;
        try (var server = new ServerSocket(0)) {
            port = server.getLocalPort();
            assertThat(Ports.inUse(port)).isTrue();
        }
        assertThat(Ports.inUse(port)).isFalse();
    }

    @Test
    void aListenerOnLoopbackOnlyStillMakesThePortInUse() throws IOException {
        try (var server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(Ports.inUse(server.getLocalPort())).isTrue();
        }
    }

    @Test
    void aFreePortCanBeListenedOn() throws IOException {
        int port = Ports.free();

        assertThat(port).isPositive();
        try (var server = new ServerSocket(port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void conflictsSayWhoNeedsThePortAndHowToMoveIt() {
        List<PortClaim> claims = List.of(
                new PortClaim(8761, "registry", "SHOPSCALE_REGISTRY_PORT"),
                new PortClaim(8080, "gateway", "SHOPSCALE_GATEWAY_PORT"),
                new PortClaim(8761, "catalog", "SHOPSCALE_CATALOG_PORT"));

        assertThat(PortClaim.conflicts(claims, Set.of(8080)::contains)).containsExactly(
                "port 8080 is in use (needed by gateway); stop what uses it or set SHOPSCALE_GATEWAY_PORT",
                "port 8761 is configured for both registry and catalog; set SHOPSCALE_CATALOG_PORT to another port");
        assertThat(PortClaim.conflicts(claims.subList(0, 2), port -> false)).isEmpty();
    }
}

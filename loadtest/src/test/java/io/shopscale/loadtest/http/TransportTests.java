package io.shopscale.loadtest.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Both clients against a real server: the same outcomes for the same answers. */
class TransportTests {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", ex -> respond(ex, 200, "{\"ok\":true}".getBytes(), false));
        server.createContext("/chunked", ex -> respond(ex, 200, "x".repeat(20_000).getBytes(), true));
        server.createContext("/broken", ex -> respond(ex, 503, new byte[0], false));
        server.createContext("/header", ex -> respond(ex,
                "secret".equals(ex.getRequestHeaders().getFirst("X-Api-Key")) ? 200 : 401, new byte[0], false));
        server.createContext("/stuck", ex -> {
            awaitRelease();
            respond(ex, 200, new byte[0], false);
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void fixedAndChunkedBodiesOverOneKeptAliveConnection(Client client) {
        try (Transport transport = client.create(Map.of(), Duration.ofSeconds(5))) {
            var fixed = transport.prepare(url("/fixed"));
            var chunked = transport.prepare(url("/chunked"));
            for (int i = 0; i < 5; i++) {
                assertThat(fixed.execute()).isEqualTo(Outcome.response(200));
                assertThat(chunked.execute()).isEqualTo(Outcome.response(200));
            }
        }
        assertThat(clientPorts).as("one connection reused").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void errorStatusesAndHeadersArriveAsSent(Client client) {
        try (Transport transport = client.create(Map.of("X-Api-Key", "secret"), Duration.ofSeconds(5))) {
            assertThat(transport.prepare(url("/broken")).execute()).isEqualTo(Outcome.response(503));
            assertThat(transport.prepare(url("/header")).execute()).isEqualTo(Outcome.response(200));
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aServerThatDoesNotAnswerInTimeIsATimeout(Client client) {
        try (Transport transport = client.create(Map.of(), Duration.ofMillis(200))) {
            assertThat(transport.prepare(url("/stuck")).execute()).isEqualTo(Outcome.timeout());
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aClosedPortIsATransportFailure(Client client) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Transport transport = client.create(Map.of(), Duration.ofSeconds(2))) {
            var outcome = transport.prepare(URI.create("http://127.0.0.1:" + closedPort + "/")).execute();
            assertThat(outcome).isEqualTo(Outcome.failure());
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void respond(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            release.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}

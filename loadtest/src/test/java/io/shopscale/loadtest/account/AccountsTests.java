package io.shopscale.loadtest.account;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration against a gateway that is still warming up: a 504 is asked again, not a failed setup. */
class AccountsTests {

    /** A token's shape with a subject; nobody checks its signature here. */
    private static final String TOKEN = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"sub\":\"u1\"}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";

    private HttpServer gateway;
    private final AtomicInteger logins = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/auth/register", exchange -> respond(exchange, 201, "{\"userId\":\"u1\"}"));
        gateway.createContext("/api/auth/login", exchange -> {
            if (logins.incrementAndGet() == 1) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                respond(exchange, 504, "{\"title\":\"Gateway Timeout\"}");
            }
            else {
                respond(exchange, 200, "{\"accessToken\":\"" + TOKEN + "\",\"expiresIn\":900}");
            }
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void aGatewayTimeoutDuringSetupIsAskedAgain() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            Accounts accounts = new Accounts(client, URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                    Duration.ofSeconds(5));

            Shopper shopper = accounts.register(0, "shopper-1@bench.example.com");

            assertThat(shopper.email()).isEqualTo("shopper-1@bench.example.com");
            assertThat(shopper.subject()).isEqualTo("u1");
            assertThat(logins.get()).isEqualTo(2);
            assertThat(accounts.unavailable()).isEqualTo(1);
            assertThat(accounts.rateLimited()).isZero();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

package io.shopscale.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service with the platform's defaults reads and writes the registry with its credentials, never without. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shopscale.registry.password=" + RegistryCredentialsDefaultsTests.PASSWORD)
class RegistryCredentialsDefaultsTests {

    static final String PASSWORD = "service-defaults-test-registry-password-0123";

    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private static final CountDownLatch CALLED = new CountDownLatch(2);

    private static final HttpServer REGISTRY = fakeRegistry();

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("SHOPSCALE_REGISTRY_URL",
                () -> "http://127.0.0.1:" + REGISTRY.getAddress().getPort() + "/eureka/");
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.stop(0);
    }

    @Test
    void everyCallToTheRegistryCarriesItsCredentials() throws InterruptedException {
        assertThat(CALLED.await(20, TimeUnit.SECONDS)).as("the service called the registry").isTrue();

        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("shopscale:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(AUTHORIZATIONS).isNotEmpty().allSatisfy(authorization -> assertThat(authorization).isEqualTo(basic));
    }

    private static HttpServer fakeRegistry() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/eureka/", RegistryCredentialsDefaultsTests::answer);
            server.start();
            return server;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        AUTHORIZATIONS.add(authorization == null ? "none" : authorization);
        CALLED.countDown();
        byte[] body = "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\",\"application\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 204 : 200,
                "POST".equals(exchange.getRequestMethod()) ? -1 : body.length);
        if (!"POST".equals(exchange.getRequestMethod())) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}

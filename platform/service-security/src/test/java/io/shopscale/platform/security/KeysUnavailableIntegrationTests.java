package io.shopscale.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.testsupport.TestIdentity;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When identity's keys cannot be fetched, a caller with a token learns it is the platform's fault: 503, not 401 or 500. */
@SpringBootTest(classes = ServiceSecurityIntegrationTests.SecuredApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class KeysUnavailableIntegrationTests {

    private static final TestIdentity tokens = TestIdentity.start();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void unreachableIdentity(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri",
                () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503WithRetryAfter() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .header("Authorization", "Bearer " + tokens.token("user-1", "USER")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}

package io.shopscale.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.platform.web.DefaultsTestApplication.ProbeController;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A service's admission control with its limit pinned at two requests in flight, both held by a slow endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "shopscale.admission.initial-limit=2",
                "shopscale.admission.min-limit=2", "shopscale.admission.max-limit=2"})
class AdmissionDefaultsTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void pastTheLimitARequestIsRefusedAtOnceWith429AndRetryAfterAndProbesStillAnswer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, 2)
                .mapToObj(i -> http.sendAsync(request("/probe/held", null), HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(ProbeController.HELD.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        HttpResponse<String> refused = http.send(request("/probe/00000000-0000-0000-0000-000000000001", "busy-1"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":429").contains("busier than it can serve")
                .contains("\"requestId\":\"busy-1\"").contains("\"instance\":\"/probe/00000000-");
        assertThat(http.send(request("/actuator/health/readiness", null), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        ProbeController.GATE.countDown();
        assertThat(held).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(http.send(request("/probe/00000000-0000-0000-0000-000000000001", null),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private HttpRequest request(String path, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.build();
    }
}

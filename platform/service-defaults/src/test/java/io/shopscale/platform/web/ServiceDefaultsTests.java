package io.shopscale.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eureka.client.enabled=false")
class ServiceDefaultsTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void malformedPathVariableIsA400ProblemNamingTheParameter() throws Exception {
        HttpResponse<String> response = get("/probe/not-a-uuid", null);

        assertProblem(response, 400);
        assertThat(response.body()).contains("\"parameter\":\"id\"").contains("must be a UUID");
    }

    @Test
    void outOfRangeQueryParametersAreNamed() throws Exception {
        HttpResponse<String> negativePage = get("/probe?page=-1", null);
        HttpResponse<String> hugeSize = get("/probe?size=1000", null);
        HttpResponse<String> notANumber = get("/probe?size=abc", null);
        HttpResponse<String> unknownSort = get("/probe?sort=colour", null);

        assertProblem(negativePage, 400);
        assertThat(negativePage.body()).contains("\"parameter\":\"page\"");
        assertProblem(hugeSize, 400);
        assertThat(hugeSize.body()).contains("\"parameter\":\"size\"");
        assertProblem(notANumber, 400);
        assertThat(notANumber.body()).contains("\"parameter\":\"size\"").contains("whole number");
        assertProblem(unknownSort, 400);
        assertThat(unknownSort.body()).contains("\"parameter\":\"sort\"");
    }

    @Test
    void anUndecodableQueryIsA400ProblemNotAFailure() throws Exception {
        String response = raw("GET /probe?page=%zz HTTP/1.1");

        assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .contains("\"status\":400").contains("not validly encoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /probe/%zz HTTP/1.1", "GET /probe/a%2fb HTTP/1.1", "GET /probe/%00 HTTP/1.1",
            "GET /../etc/passwd HTTP/1.1"})
    void urlsTomcatRefusesBeforeAnyServletAreProblemsToo(String requestLine) throws Exception {
        String response = raw(requestLine);

        assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .contains("\"status\":400").doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
    }

    @Test
    void missingThingsAre404Problems() throws Exception {
        assertProblem(get("/probe/00000000-0000-0000-0000-000000000001", null), 404);
        assertProblem(get("/no/such/path", null), 404);
    }

    @Test
    void unexpectedFailuresHideTheirInternals() throws Exception {
        HttpResponse<String> response = get("/probe/boom", "trace-me-123");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException")
                .doesNotContain("at io.shopscale").contains("\"requestId\":\"trace-me-123\"");
    }

    @Test
    void anUnreachableStoreIsA503WithRetryAfterInTheServicesWords() throws Exception {
        HttpResponse<String> response = get("/probe/store-down", "trace-me-456");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("Probes are unavailable right now. Try again shortly.")
                .contains("\"requestId\":\"trace-me-456\"").doesNotContain("JDBC");
    }

    @Test
    void requestIdsAreKeptWhenWellFormedAndReplacedOtherwise() throws Exception {
        assertThat(get("/probe", "abc-123").headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(get("/probe", "bad id with spaces!").headers().firstValue("X-Request-Id").orElseThrow())
                .matches("[0-9a-f-]{36}");
        assertThat(get("/probe", null).headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void platformDefaultsApplyAndHealthGroupsAreExposed() throws Exception {
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    /** What the JDK client refuses to send: a request line as a careless or hostile client writes it. */
    private String raw(String requestLine) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status);
    }
}

package io.shopscale.loadtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Short real runs of the whole tool against a JDK HTTP server on a random port. */
class LoadTestCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private HttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/products", ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/api/products")) {
                respond(ex, 200, "{\"items\":[{\"id\":\"p1\"},{\"id\":\"p2\"},{\"id\":\"p3\"}],\"total\":3}");
            }
            else if (path.matches("/api/products/p[123]")) {
                respond(ex, 200, "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}");
            }
            else {
                respond(ex, 404, "{}");
            }
        });
        server.createContext("/broken", ex -> respond(ex, 500, "{}"));
        // 200 only with the token, so a target's requests show whether they carried it.
        server.createContext("/secured", ex -> respond(ex,
                "Bearer t0ken".equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, "{}"));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket", "jdk"})
    void closedModelMeasuresTargetsSideBySideAndCountsErrors(String client) {
        Path json = dir.resolve("closed.json");

        int exit = run("--target", "ok=" + url("/api/products/{id}"), "--target", "broken=" + url("/broken?id={id}"),
                "--ids-from", url("/api/products"), "--concurrency", "4", "--duration", "300ms", "--rounds", "2",
                "--warmup", "100ms", "--client", client, "--json", json.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        JsonNode ok = report.path("targets").get(0);
        JsonNode broken = report.path("targets").get(1);
        assertThat(ok.path("count").asLong()).isPositive();
        assertThat(ok.path("throughput").asDouble()).isPositive();
        assertThat(ok.path("errors").asLong()).isZero();
        assertThat(ok.path("status").path("2xx").asLong()).isEqualTo(ok.path("count").asLong());
        assertThat(ok.path("latencyMs").path("p50").asDouble()).isPositive();
        assertThat(ok.path("rounds")).hasSize(2);
        assertThat(broken.path("errors").asLong()).isPositive().isEqualTo(broken.path("count").asLong());
        assertThat(broken.path("status").path("5xx").asLong()).isEqualTo(broken.path("count").asLong());
        assertThat(report.path("parameters").path("ids").asInt()).isEqualTo(3);
        assertThat(report.path("parameters").path("client").asString()).isEqualTo(client);
        assertThat(out.toString()).contains("ok", "broken", "p99.9 ms");
        assertThat(err.toString()).contains("loaded 3 ids", "round 2/2 broken", "round 2/2 ok");
    }

    @Test
    void openModelSendsAtTheRequestedRate() {
        Path json = dir.resolve("open.json");

        int exit = run("--target", "ok=" + url("/api/products/{id}"), "--ids", "p1,p2", "--rate", "200",
                "--duration", "500ms", "--rounds", "1", "--warmup", "0s", "--json", json.toString(), "--markdown");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode target = JSON.readTree(json.toFile()).path("targets").get(0);
        assertThat(target.path("count").asLong() + target.path("dropped").asLong()).isEqualTo(100);
        assertThat(target.path("errors").asLong()).isZero();
        assertThat(target.path("throughput").asDouble()).isPositive();
        assertThat(out.toString()).contains("| target | req/s | requests | errors | late | dropped |", "--rate 200");
    }

    @Test
    void tooManyErrorsFailTheRun() {
        int exit = run("--target", "missing=" + url("/api/products/{id}"), "--ids", "nope", "--concurrency", "2",
                "--duration", "200ms", "--rounds", "1", "--warmup", "0s", "--max-error-rate", "1%");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: missing error rate 100.00% is above --max-error-rate 1.00%");
    }

    @Test
    void expectedStatusesAreNotErrors() {
        int exit = run("--target", "missing=" + url("/api/products/{id}"), "--ids", "nope", "--concurrency", "2",
                "--duration", "200ms", "--rounds", "1", "--warmup", "0s", "--expect-status", "404",
                "--max-error-rate", "0");

        assertThat(exit).as(err.toString()).isZero();
    }

    @Test
    void aTargetHeaderGoesToItsTargetOnly() {
        Path json = dir.resolve("headers.json");

        int exit = run("--target", "with=" + url("/secured"), "--target", "without=" + url("/secured"),
                "--target-header", "with=Authorization:Bearer t0ken", "--concurrency", "2", "--duration", "200ms",
                "--rounds", "1", "--warmup", "0s", "--json", json.toString(), "--markdown");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode targets = JSON.readTree(json.toFile()).path("targets");
        assertThat(targets.get(0).path("errors").asLong()).isZero();
        assertThat(targets.get(0).path("count").asLong()).isPositive();
        assertThat(targets.get(1).path("errors").asLong()).isEqualTo(targets.get(1).path("count").asLong())
                .isPositive();
        assertThat(out.toString()).contains("--target-header 'with=Authorization:<redacted>'").doesNotContain("t0ken");
    }

    @Test
    void aTargetHeaderMustNameATarget() {
        int exit = run("--target", "a=" + url("/secured"), "--target-header", "b=Authorization:x",
                "--concurrency", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--target-header names 'b', which is not a --target");
    }

    private int run(String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        var commandLine = LoadTestCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(argv.toArray(String[]::new));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

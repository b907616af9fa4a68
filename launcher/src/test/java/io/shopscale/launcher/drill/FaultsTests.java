package io.shopscale.launcher.drill;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The faults against stand-ins: a provider admin API on a random port, a stores process answering files. */
class FaultsTests {

    private static final String TOKEN = "drill-admin-token";

    @TempDir
    Path dir;

    private HttpServer provider;

    private final List<String> patches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void aSlowProviderGetsTheAddedLatencyOnTopOfItsOwnAndItsOwnBack() throws IOException {
        ProviderSlowdown slow = new ProviderSlowdown(new ProviderAdmin(provider("45ms"), TOKEN), Duration.ofSeconds(2));

        slow.inject();
        slow.heal();

        assertThat(patches).containsExactly("{\"latency\":\"2045ms\"}", "{\"latency\":\"45ms\"}");
        assertThat(slow.name()).isEqualTo("psp-slow");
    }

    @Test
    void aProviderOutageIsSwitchedOnAndOff() throws IOException {
        ProviderOutage outage = new ProviderOutage(new ProviderAdmin(provider("0s"), TOKEN));

        outage.inject();
        outage.heal();

        assertThat(patches).containsExactly("{\"outage\":true}", "{\"outage\":false}");
    }

    @Test
    void aProviderThatRefusesTheTokenLeavesTheFaultNotInjected() throws IOException {
        ProviderOutage outage = new ProviderOutage(new ProviderAdmin(provider("0s"), "another-platforms-token"));

        assertThatThrownBy(outage::inject).isInstanceOfSatisfying(ProviderAdmin.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(401));
        assertThat(patches).isEmpty();
    }

    @Test
    void theProvidersDurationsAreRead() {
        assertThat(ProviderSlowdown.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ProviderSlowdown.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(ProviderSlowdown.parse("0s")).isZero();
        assertThatThrownBy(() -> ProviderSlowdown.parse("PT1S")).hasMessageContaining("unexpected latency");
    }

    @Test
    void aStoreOutageIsTwoRequestsToTheStoresProcessEachWaitingForItsAnswer() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Thread stores = answering(received, "ok");
        StoreOutage kafka = StoreOutage.kafka(new StoresRequests(dir, Duration.ofSeconds(10)));

        kafka.inject();
        kafka.heal();
        stores.interrupt();

        assertThat(received).containsExactly("kafka stop", "kafka start");
        assertThat(kafka.name()).isEqualTo("kafka-outage");
    }

    @Test
    void anErrorFromTheStoresProcessFailsTheRequest() {
        answering(new CopyOnWriteArrayList<>(), "error Redis is external here");

        assertThatThrownBy(() -> StoreOutage.redis(new StoresRequests(dir, Duration.ofSeconds(10))).inject())
                .isInstanceOf(IOException.class).hasMessageContaining("error Redis is external here");
    }

    @Test
    void noAnswerInTimeFailsTheRequestAndWithdrawsIt() throws IOException {
        assertThatThrownBy(() -> new StoresRequests(dir, Duration.ofMillis(300)).send("redis", "stop"))
                .isInstanceOf(IOException.class).hasMessageContaining("did not answer 'redis stop'");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void postgresIsStartedAgainWithTheOptionsItRanWith() {
        String opts = "/tmp/pg/bin/postgres \"-D\" \"/data/postgres\" \"-p\" \"15432\" \"-F\" \"-c\" "
                + "\"synchronous_commit=on\" \"-c\" \"log_line_prefix=%m [%p] \"\n";

        assertThat(PgCtl.startOptions(opts)).containsExactly("-p", "15432", "-F", "-c", "synchronous_commit=on", "-c",
                "'log_line_prefix=%m [%p] '");
    }

    /** Plays the stores process: answers every request in the directory with {@code reply}. */
    private Thread answering(List<String> received, String reply) {
        return Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path request : files.filter(f -> f.toString().endsWith(StoresRequests.REQUEST)).toList()) {
                        received.add(Files.readString(request).strip());
                        Files.delete(request);
                        String name = request.getFileName().toString().replace(StoresRequests.REQUEST, "");
                        Path partial = dir.resolve(name + ".answer");
                        Files.writeString(partial, reply + "\n");
                        Files.move(partial, dir.resolve(name + StoresRequests.REPLY),
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                    Thread.sleep(20);
                }
                catch (IOException | InterruptedException ex) {
                    return;
                }
            }
        });
    }

    private int provider(String latency) throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/admin/settings", exchange -> {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            String body = "{\"latency\":\"" + latency + "\",\"outage\":false}";
            if (exchange.getRequestMethod().equals("PATCH")) {
                patches.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        provider.start();
        return provider.getAddress().getPort();
    }
}

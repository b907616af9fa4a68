package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.FakePlatform.Result;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands against a platform of fake components: real processes, ports and state, started in a blink. */
class PlatformCommandsTests {

    @TempDir
    Path home;

    private FakePlatform platform;

    @BeforeEach
    void createPlatform() throws IOException {
        platform = new FakePlatform(home);
    }

    @AfterEach
    void leaveNothingRunning() {
        platform.killAll();
    }

    @Test
    void upStatusScaleLogsAndDown() {
        Result up = platform.run("up", "--detach", "--timeout", "60");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).containsPattern("stores +ready in")
                .containsPattern("registry +ready in")
                .containsPattern("identity +ready in")
                .containsPattern("catalog +ready in")
                .containsPattern("gateway +ready in")
                .contains("ShopScale is up in", "http://localhost:" + platform.port("SHOPSCALE_GATEWAY_PORT"),
                        "/actuator/prometheus", home.resolve(".shopscale/logs").toString());
        assertThat(platform.instances()).extracting(InstanceRecord::name)
                .containsExactlyInAnyOrder("stores", "registry", "identity", "catalog", "cart", "inventory", "orders", "payment", "psp", "gateway")
                .hasSize(10);
        assertThat(platform.instances()).allMatch(FakePlatform::alive);

        Result status = platform.run("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("gateway +1 +" + platform.port("SHOPSCALE_GATEWAY_PORT") + ","
                + platform.port("SHOPSCALE_GATEWAY_ADMIN_PORT") + " +\\d+ +yes +UP")
                .containsPattern("stores +1 +\\d+,\\d+,\\d+ +\\d+ +yes +UP")
                .contains("All 10 instances are up.");

        Result again = platform.run("up", "-d");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("ShopScale is already running (10 processes");

        Result scaleUp = platform.run("scale", "catalog=3");
        assertThat(scaleUp.exitCode()).as(scaleUp.err()).isZero();
        assertThat(scaleUp.out()).containsPattern("catalog-2 +ready in").containsPattern("catalog-3 +ready in")
                .contains("catalog: 3 instances running");
        assertThat(platform.instance("catalog-3")).get().matches(FakePlatform::alive);
        assertThat(platform.run("status").out()).containsPattern("catalog +3 +\\d+,\\d+ +\\d+ +yes +UP");

        Result logs = platform.run("logs", "catalog", "-n", "3");
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("==> catalog (", "==> catalog-2 (", "==> catalog-3 (", "fake catalog-3 ready");
        assertThat(platform.run("logs", "catalog-2").out()).doesNotContain("==>").contains("fake catalog-2 ready");

        InstanceRecord third = platform.instance("catalog-3").orElseThrow();
        Result scaleDown = platform.run("scale", "catalog=1");
        assertThat(scaleDown.exitCode()).isZero();
        assertThat(scaleDown.out()).containsPattern("catalog-3 +stopped in").contains("catalog: 1 instance running");
        assertThat(FakePlatform.alive(third)).isFalse();
        assertThat(Ports.inUse(third.port())).isFalse();

        List<InstanceRecord> running = platform.instances();
        Result down = platform.run("down");
        assertThat(down.exitCode()).isZero();
        assertThat(down.out()).containsSubsequence("gateway", "catalog", "registry", "stores", "ShopScale stopped in");
        assertThat(running).noneMatch(FakePlatform::alive);
        assertThat(running).flatExtracting(InstanceRecord::ports).noneMatch(Ports::inUse);
        assertThat(platform.store().read()).isEmpty();

        Result nothing = platform.run("status");
        assertThat(nothing.exitCode()).isEqualTo(3);
        assertThat(nothing.out()).contains("Nothing is running.");
        assertThat(platform.run("down").out()).contains("Nothing is running.");
    }

    @Test
    void aComponentThatFailsToStartIsShownWithItsLogAndEverythingElseIsStopped() {
        platform.environment.put("SHOPSCALE_CATALOG_JAVA_OPTS", "-Dfake.exit=3");

        Result up = platform.run("up", "-d", "--timeout", "60");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err()).containsPattern("catalog +exited with code 3 after")
                .contains("last 30 lines of " + home.resolve(".shopscale/logs/catalog.log"))
                .contains("| fake catalog failing on purpose")
                .contains("ShopScale did not start.");
        assertThat(platform.store().read()).isEmpty();
        assertThat(List.of("SHOPSCALE_REGISTRY_PORT", "SHOPSCALE_GATEWAY_PORT", "SHOPSCALE_POSTGRES_PORT"))
                .noneMatch(variable -> Ports.inUse(platform.port(variable)));
    }

    @Test
    void aComponentThatIsNeverReadyAndIdlesFailsOnceItMadeNoProgressForTheTimeout() {
        platform.environment.put("SHOPSCALE_REGISTRY_JAVA_OPTS", "-Dfake.notReady=true");

        Result up = platform.run("up", "-d", "--timeout", "2");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err()).containsPattern("registry +made no progress for 2 s; not ready after \\d+\\.\\d s")
                .contains("/actuator/health/readiness never answered 200");
        assertThat(Ports.inUse(platform.port("SHOPSCALE_REGISTRY_PORT"))).isFalse();
        assertThat(Ports.inUse(platform.port("SHOPSCALE_REDIS_PORT"))).isFalse();
    }

    @Test
    void aTakenPortIsNamedBeforeAnythingStarts() throws IOException {
        try (var squatter = new ServerSocket(platform.port("SHOPSCALE_GATEWAY_PORT"))) {
            Result up = platform.run("up", "-d");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.err()).contains("port " + squatter.getLocalPort()
                    + " is in use (needed by gateway); stop what uses it or set SHOPSCALE_GATEWAY_PORT");
            assertThat(platform.instances()).isEmpty();
        }
    }

    @Test
    void externalStoresAreNotStarted() {
        platform.environment.putAll(Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db.example/shop",
                "SHOPSCALE_REDIS_URL", "redis://cache.example", "SHOPSCALE_KAFKA_BOOTSTRAP", "kafka.example:9092"));

        Result up = platform.run("up", "-d", "--timeout", "60");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("postgres     external (SHOPSCALE_POSTGRES_URL)").doesNotContainPattern("stores +ready");
        assertThat(platform.instances()).extracting(InstanceRecord::component)
                .containsExactlyInAnyOrder("registry", "identity", "catalog", "cart", "inventory", "orders", "payment",
                        "psp", "gateway");
        assertThat(platform.run("down").exitCode()).isZero();
    }

    @Test
    void theStateOfAnEarlierRunWhoseProcessesAreGoneIsCleared() {
        platform.store().write(new RunState(Instant.now(), Map.of(), List.of(new InstanceRecord("catalog", 1,
                Long.MAX_VALUE / 2, 8081, List.of(8081), "/gone/catalog.jar", "/gone/catalog.log", Instant.now()))));

        Result status = platform.run("status");
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.out()).containsPattern("catalog +1 +8081 +\\d+ +no ");

        Result down = platform.run("down");
        assertThat(down.exitCode()).isZero();
        assertThat(down.out()).contains("Nothing is running (cleared the state of an earlier run");
        assertThat(platform.store().read()).isEmpty();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(platform.run("scale", "registry=2").exitCode()).isEqualTo(2);
        assertThat(platform.run("scale", "catalog=9").err()).contains("catalog=9: instances must be between 0 and 8");
        assertThat(platform.run("logs", "nosuch").exitCode()).isEqualTo(2);
        assertThat(platform.run("nosuch").exitCode()).isEqualTo(2);
        assertThat(platform.run().exitCode()).isEqualTo(2);
        platform.environment.put("SHOPSCALE_GATEWAY_PORT", "eighty");
        Result badPort = platform.run("up", "-d");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("SHOPSCALE_GATEWAY_PORT must be a TCP port");
    }

    @Test
    void scaleNeedsARunningPlatform() {
        Result scale = platform.run("scale", "catalog=2");

        assertThat(scale.exitCode()).isEqualTo(1);
        assertThat(scale.err()).contains("Nothing is running. Start it with: ./shopscale up");
    }

    @Test
    void logsOfAnInstanceThatNeverRanAreMissing() throws IOException {
        Files.createDirectories(home.resolve(".shopscale/logs"));
        Files.writeString(home.resolve(".shopscale/logs/catalog.log"), "one\ntwo\n");

        assertThat(platform.run("logs", "catalog", "-n", "1").out()).isEqualTo("two" + System.lineSeparator());
        Result missing = platform.run("logs", "catalog-4");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no log for catalog-4");
    }
}

package io.shopscale.launcher.process;

import io.shopscale.launcher.FakeComponent;
import io.shopscale.launcher.health.Health;
import io.shopscale.launcher.health.HealthCheck;
import io.shopscale.launcher.health.Patience;
import io.shopscale.launcher.health.Readiness;
import io.shopscale.launcher.health.Readiness.Exited;
import io.shopscale.launcher.health.Readiness.Ready;
import io.shopscale.launcher.health.WorkMeter;
import io.shopscale.launcher.platform.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SupervisorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Patience PATIENCE = Patience.stallingAfter(TIMEOUT);

    @TempDir
    Path dir;

    private final Supervisor supervisor = new Supervisor();

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Test
    void aStartedServiceBecomesReadyAndStopsWithoutLeavingAProcessOrAPortBehind() throws Exception {
        int port = Ports.free();
        Child child = start(fakeService(port));

        assertThat(Readiness.await(child.process(), HealthCheck.http(port, "/actuator/health/readiness"), PATIENCE,
                meter(child))).isInstanceOf(Ready.class);
        assertThat(Liveness.isAlive(child.pid(), testClasses().toString(), child.startedAt())).isTrue();

        Stopped stopped = supervisor.stop(child.process().toHandle(), TIMEOUT);

        assertThat(stopped.killed()).isFalse();
        assertThat(child.process().isAlive()).isFalse();
        assertThat(Ports.inUse(port)).isFalse();
        assertThat(Files.readString(child.spec().log())).contains("--- shopscale: starting catalog", "fake catalog ready");
    }

    @Test
    void aServiceThatExitsEarlyIsReportedWithItsExitCodeAndLog() throws Exception {
        int port = Ports.free();
        Child child = start(fakeService(port, "-Dfake.exit=3"));

        var outcome = Readiness.await(child.process(), HealthCheck.http(port, "/actuator/health/readiness"), PATIENCE,
                meter(child));

        assertThat(outcome).isInstanceOfSatisfying(Exited.class, exited -> assertThat(exited.exitCode()).isEqualTo(3));
        assertThat(LogTail.lastLines(child.spec().log(), 30)).contains("fake catalog failing on purpose");
    }

    @Test
    void aServiceThatIdlesWithoutGettingReadyStalls() throws Exception {
        int port = Ports.free();
        Child child = start(fakeService(port, "-Dfake.notReady=true"));

        var outcome = Readiness.await(child.process(), HealthCheck.http(port, "/actuator/health/readiness"),
                Patience.stallingAfter(Duration.ofSeconds(2)), meter(child));

        assertThat(outcome).isInstanceOf(Readiness.Stalled.class);
        assertThat(child.process().isAlive()).isTrue();
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        int port = Ports.free();
        Child child = start(fakeService(port, "-Dfake.ignoreTerm=true"));
        awaitReady(child, port);

        Stopped stopped = supervisor.stop(child.process().toHandle(), Duration.ofMillis(500));

        assertThat(stopped.killed()).isTrue();
        assertThat(child.process().isAlive()).isFalse();
        assertThat(Ports.inUse(port)).isFalse();
    }

    @Test
    void processesItLeftBehindAreStoppedToo() throws Exception {
        int port = Ports.free();
        Child child = start(fakeService(port, "-Dfake.spawn=true"));
        awaitReady(child, port);
        List<ProcessHandle> descendants;
        try (Stream<ProcessHandle> all = child.process().descendants()) {
            descendants = all.toList();
        }
        assertThat(descendants).isNotEmpty();

        supervisor.stop(child.process().toHandle(), TIMEOUT);

        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void childrenRunInTheirOwnSessionSoATerminalsCtrlCDoesNotReachThem() throws Exception {
        int port = Ports.free();
        Child child = start(fakeService(port));

        // setsid runs first and then becomes the JVM, so the new session shows a moment after the start.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(session(child.pid())).isEqualTo(child.pid()));
        assertThat(session(child.pid())).isNotEqualTo(session(ProcessHandle.current().pid()));
    }

    private Child start(LaunchSpec spec) throws IOException {
        Child child = supervisor.start(spec);
        started.add(child.process().toHandle());
        return child;
    }

    private static WorkMeter meter(Child child) {
        return WorkMeter.of(child.process().toHandle(), child.spec().log());
    }

    private void awaitReady(Child child, int port) {
        await().atMost(TIMEOUT).until(() -> HealthCheck.http(port, "/actuator/health/readiness").probe()
                == Health.UP);
    }

    private LaunchSpec fakeService(int port, String... properties) throws URISyntaxException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Xshare:auto");
        command.add("-Dshopscale.instance=catalog");
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", testClasses().toString(), FakeComponent.class.getName()));
        return new LaunchSpec("catalog", 1, command, Map.of("SERVER_PORT", Integer.toString(port)), dir,
                testClasses(), dir.resolve("logs/catalog.log"), List.of(port));
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(FakeComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The session id, field 6 of /proc/<pid>/stat (after the parenthesised command name). */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}

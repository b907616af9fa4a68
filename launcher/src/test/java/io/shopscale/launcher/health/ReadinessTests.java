package io.shopscale.launcher.health;

import io.shopscale.launcher.health.Readiness.Exited;
import io.shopscale.launcher.health.Readiness.Outcome;
import io.shopscale.launcher.health.Readiness.Stalled;
import io.shopscale.launcher.health.Readiness.TimedOut;
import io.shopscale.launcher.platform.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waiting for an instance that never answers, with its progress scripted: a slow one is waited for, a hung one not. */
class ReadinessTests {

    private static final Duration WINDOW = Duration.ofMillis(400);

    private final HealthCheck neverAnswers = HealthCheck.http(Ports.free(), "/actuator/health/readiness");

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stopProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void anInstanceWhoseLogAndProcessorTimeStandStillFailsAfterTheStallWindow() throws IOException {
        Outcome outcome = Readiness.await(sleeping(), neverAnswers, patience(Duration.ofSeconds(20)),
                () -> new Work(100, Duration.ofMillis(700)));

        assertThat(outcome).isInstanceOfSatisfying(Stalled.class, stalled -> {
            assertThat(stalled.quietFor()).isEqualTo(WINDOW);
            assertThat(stalled.after()).isBetween(WINDOW, Duration.ofSeconds(5));
        });
    }

    @Test
    void anInstanceThatKeepsLoggingIsWaitedForUntilTheCap() throws IOException {
        var logBytes = new AtomicLong();
        Duration cap = Duration.ofMillis(1500);

        Outcome outcome = Readiness.await(sleeping(), neverAnswers, patience(cap),
                () -> new Work(logBytes.addAndGet(10), Duration.ZERO));

        assertThat(outcome).isInstanceOfSatisfying(TimedOut.class,
                timedOut -> assertThat(timedOut.after()).isGreaterThanOrEqualTo(cap));
    }

    @Test
    void anInstanceThatKeepsComputingIsWaitedForUntilTheCap() throws IOException {
        var cpu = new AtomicLong();
        Duration cap = Duration.ofMillis(1500);

        Outcome outcome = Readiness.await(sleeping(), neverAnswers, patience(cap),
                () -> new Work(0, Duration.ofMillis(cpu.addAndGet(600))));

        assertThat(outcome).isInstanceOf(TimedOut.class);
    }

    @Test
    void anInstanceThatExitsIsReportedWithItsExitCodeWhateverItsProgress() throws IOException {
        process = new ProcessBuilder("sh", "-c", "exit 3").start();

        Outcome outcome = Readiness.await(process, neverAnswers, patience(Duration.ofSeconds(20)),
                () -> new Work(0, Duration.ZERO));

        assertThat(outcome).isInstanceOfSatisfying(Exited.class, exited -> assertThat(exited.exitCode()).isEqualTo(3));
    }

    @Test
    void theRealMeterSeesALogGrowAndAProcessCompute() throws Exception {
        Path log = dir.resolve("instance.log");
        process = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo done; sleep 30")
                .redirectOutput(log.toFile()).start();
        WorkMeter meter = WorkMeter.of(process.toHandle(), log);

        Work before = meter.read();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meter.read().logBytes() > before.logBytes());

        assertThat(meter.read().cpu()).isGreaterThan(before.cpu());
    }

    private Process sleeping() throws IOException {
        process = new ProcessBuilder("sleep", "30").start();
        return process;
    }

    private static Patience patience(Duration cap) {
        return new Patience(WINDOW, cap, Duration.ofMillis(500));
    }
}

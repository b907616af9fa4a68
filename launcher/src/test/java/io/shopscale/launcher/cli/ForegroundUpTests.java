package io.shopscale.launcher.cli;

import io.shopscale.launcher.ShopScaleCommand;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.InstanceRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code up} in the foreground, as its own JVM, so that signals reach it the way they do from a terminal. */
class ForegroundUpTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private FakePlatform platform;

    private Process launcher;

    @BeforeEach
    void createPlatform() throws IOException {
        platform = new FakePlatform(home);
    }

    @AfterEach
    void leaveNothingRunning() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
        platform.killAll();
    }

    @Test
    void sigtermStopsEverythingInReverseOrderAndLeavesNoProcessOrPort() throws Exception {
        launcher = launch("up", "--timeout", "60");
        awaitOutput(output -> output.contains("Press Ctrl-C to stop."));
        List<InstanceRecord> running = platform.instances();
        assertThat(running).hasSize(10).allMatch(FakePlatform::alive);

        launcher.destroy();

        assertThat(launcher.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(output()).containsSubsequence("Stopping ShopScale...", "gateway", "registry", "stores",
                "ShopScale stopped.");
        assertThat(running).noneMatch(FakePlatform::alive);
        assertThat(running).flatExtracting(InstanceRecord::ports).noneMatch(Ports::inUse);
        assertThat(platform.store().read()).isEmpty();
    }

    @Test
    void aSignalDuringStartStopsWhatWasStarted() throws Exception {
        platform.environment.put("SHOPSCALE_REGISTRY_JAVA_OPTS", "-Dfake.notReady=true");
        launcher = launch("up", "--timeout", "60");
        awaitOutput(output -> output.matches("(?s).*stores +ready in.*") && platform.instance("registry").isPresent());
        List<InstanceRecord> started = platform.instances();

        launcher.destroy();

        assertThat(launcher.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(output()).contains("Interrupted; stopping what was started...");
        assertThat(started).extracting(InstanceRecord::component).containsExactlyInAnyOrder("stores", "registry");
        assertThat(started).noneMatch(FakePlatform::alive);
        assertThat(platform.store().read()).isEmpty();
    }

    @Test
    void theForegroundEndsQuietlyWhenAnotherCommandStopsThePlatform() throws Exception {
        launcher = launch("up", "--timeout", "60");
        awaitOutput(output -> output.contains("Press Ctrl-C to stop."));

        assertThat(platform.run("down").exitCode()).isZero();

        assertThat(launcher.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isZero();
        assertThat(output()).contains("ShopScale was stopped by another shopscale command.")
                .doesNotContain("Stopping ShopScale...").doesNotContain("exited unexpectedly");
    }

    private Process launch(String... args) throws IOException {
        var command = new ArrayList<>(List.of(FakePlatform.java(), "-cp", System.getProperty("java.class.path"),
                "-D" + Settings.HOME_PROPERTY + "=" + home, "-D" + Settings.JAVA_PROPERTY + "=" + FakePlatform.java(),
                ShopScaleCommand.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.out").toFile());
        builder.environment().putAll(platform.environment);
        return builder.start();
    }

    /** Waits for the launcher to print what is expected; a launcher that gave up, or a timeout, shows what it said. */
    private void awaitOutput(Predicate<String> expected) throws IOException {
        try {
            await().atMost(TIMEOUT).failFast("the launcher exited", () -> !launcher.isAlive())
                    .until(() -> expected.test(output()));
        }
        catch (ConditionTimeoutException | TerminalFailureException ex) {
            throw new AssertionError(ex.getMessage() + "; the launcher printed:\n" + output(), ex);
        }
    }

    private String output() throws IOException {
        return Files.readString(home.resolve("launcher.out"));
    }
}

package io.shopscale.launcher.platform;

import io.shopscale.launcher.FakeComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The JVM itself as the judge of a cache: trained here from a tiny jar, then damaged the way a killed JVM does. */
class AotCacheCheckTests {

    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m");

    @TempDir
    static Path dir;

    private static Path jar;

    private static Path trained;

    @BeforeAll
    static void trainACache() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        jar = FakeComponent.jar(dir.resolve("fake.jar"));
        trained = dir.resolve("fake.aot.training-0000000000000001");
        var command = new ArrayList<>(List.of(java()));
        command.addAll(OPTIONS);
        command.addAll(List.of("-XX:AOTCacheOutput=" + trained, "-Dfake.exit=0", "-jar", jar.toString()));
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile()).start();
        assertThat(training.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.size(trained)).as(Files.readString(dir.resolve("training.log"))).isPositive();
    }

    @Test
    void aCacheTheJvmWroteIsAccepted() {
        assertThat(check().accepts(trained)).isTrue();
    }

    @Test
    void anEmptyCacheIsRefused() throws IOException {
        assertThat(check().accepts(Files.createFile(dir.resolve("empty.aot")))).isFalse();
    }

    @Test
    void aTruncatedCacheIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(trained);
        Path half = Files.write(dir.resolve("half.aot"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(check().accepts(half)).isFalse();
    }

    @Test
    void aMissingCacheIsRefused() {
        assertThat(check().accepts(dir.resolve("missing.aot"))).isFalse();
    }

    @Test
    void theCheckRunsTheInstancesOptionsAndJarWithTheCacheRequiredAndStopsAfterTheVersion() {
        assertThat(check().command(trained)).containsExactly(java(), "-XX:+UseSerialGC", "-Xmx64m",
                "-XX:AOTMode=on", "-XX:AOTCache=" + trained, "-cp", jar.toString(), "-version");
    }

    private static AotCacheCheck check() {
        return new AotCacheCheck(Path.of(java()), OPTIONS, jar, Duration.ofMinutes(1));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}

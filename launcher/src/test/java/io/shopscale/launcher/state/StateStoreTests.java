package io.shopscale.launcher.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StateStoreTests {

    private static final Instant STARTED = Instant.parse("2025-05-01T10:15:30.123Z");

    @TempDir
    Path stateDir;

    @Test
    void nothingIsRecordedAtFirst() {
        assertThat(store().read()).isEmpty();
    }

    @Test
    void whatIsWrittenIsReadBack() {
        var catalog2 = new InstanceRecord("catalog", 2, 4242, 40123, List.of(40123), "/repo/catalog-exec.jar",
                "/state/logs/catalog-2.log", STARTED);
        var stores = new InstanceRecord("stores", 1, 4141, 15432, List.of(15432, 16379, 19092),
                "/repo/stores-exec.jar", "/state/logs/stores.log", STARTED);
        var state = new RunState(STARTED, Map.of("SHOPSCALE_REGISTRY_URL", "http://127.0.0.1:8761/eureka/"),
                List.of(stores)).with(catalog2);

        store().write(state);

        assertThat(store().read()).contains(state);
        assertThat(state.instancesOf("catalog")).extracting(InstanceRecord::name).containsExactly("catalog-2");
    }

    @Test
    void theFileIsReadableJson() throws IOException {
        store().write(new RunState(STARTED, Map.of(), List.of(new InstanceRecord("gateway", 1, 7, 8080,
                List.of(8080), "/g.jar", "/g.log", STARTED))));

        assertThat(Files.readString(store().file()))
                .contains("\"component\" : \"gateway\"", "\"pid\" : 7", "\"startedAt\" : \"2025-05-01T10:15:30.123Z\"");
    }

    @Test
    void aWriteReplacesTheWholeFileAndLeavesNoTemporaryFilesBehind() throws IOException {
        store().write(new RunState(STARTED, Map.of("A", "1"), List.of()));
        store().write(new RunState(STARTED, Map.of("B", "2"), List.of()));

        assertThat(store().read().orElseThrow().environment()).isEqualTo(Map.of("B", "2"));
        try (var files = Files.list(stateDir.resolve("run"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void readersNeverSeeAHalfWrittenFile() {
        var big = new RunState(STARTED, Map.of("PADDING", "x".repeat(200_000)), List.of());
        var small = new RunState(STARTED, Map.of(), List.of());
        store().write(small);
        var stop = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 50; i++) {
                store().write(i % 2 == 0 ? big : small);
            }
            stop.set(true);
        });

        while (!stop.get()) {
            assertThat(store().read()).get().isIn(big, small);
        }
        writer.join();
    }

    @Test
    void aDamagedFileIsReportedWithWhatToDo() throws IOException {
        Files.createDirectories(stateDir.resolve("run"));
        Files.writeString(store().file(), "{ not json");

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StateException.class)
                .hasMessageContaining(store().file().toString())
                .hasMessageContaining("delete it");
    }

    @Test
    void deleteForgetsEverything() {
        store().write(new RunState(STARTED, Map.of(), List.of()));

        store().delete();
        store().delete();

        assertThat(store().read()).isEmpty();
    }

    @Test
    void theLockAdmitsOneLauncherAtATime() {
        var waited = new AtomicBoolean();
        try (var held = store().lock(Duration.ofSeconds(1), () -> { })) {
            assertThatThrownBy(() -> store().lock(Duration.ofMillis(300), () -> waited.set(true)))
                    .isInstanceOf(StateException.class)
                    .hasMessageContaining("another shopscale command");
            assertThat(waited).isTrue();
        }
        try (var again = store().lock(Duration.ofSeconds(1), () -> { })) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aWaitingLauncherGetsTheLockOnceItIsReleased() {
        var held = store().lock(Duration.ofSeconds(1), () -> { });
        var waiting = new AtomicBoolean();
        CompletableFuture<StateStore.Lock> second = CompletableFuture.supplyAsync(
                () -> store().lock(Duration.ofSeconds(30), () -> waiting.set(true)));
        await().untilTrue(waiting);

        held.close();

        await().until(second::isDone);
        second.join().close();
    }

    @Test
    void theLockTellsWhetherAnotherLiveProcessHoldsIt() throws Exception {
        Path lockFile = stateDir.resolve("run/lock");
        try (var held = store().lock(Duration.ofSeconds(1), () -> { })) {
            assertThat(Files.readString(lockFile)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(store().lockedByAnotherProcess()).as("held by this very process").isFalse();
        }
        assertThat(Files.readString(lockFile)).isEmpty();
        assertThat(store().lockedByAnotherProcess()).isFalse();

        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(lockFile, Long.toString(other.pid()));
            assertThat(store().lockedByAnotherProcess()).isTrue();
        }
        finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(store().lockedByAnotherProcess()).as("its holder died").isFalse();
    }

    private StateStore store() {
        return new StateStore(stateDir.resolve("run"));
    }
}

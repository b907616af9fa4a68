package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.Patience;
import io.shopscale.launcher.health.Readiness.Exited;
import io.shopscale.launcher.health.Readiness.Outcome;
import io.shopscale.launcher.health.Readiness.Ready;
import io.shopscale.launcher.health.Readiness.Stalled;
import io.shopscale.launcher.process.Child;
import io.shopscale.launcher.process.LaunchSpec;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting a stage with stand-in processes and readiness scripted per instance, so no JVM has to start. */
class StartupTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger starting = new AtomicInteger();

    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void noMoreInstancesStartAtATimeThanTheLimitAndTheyStartInOrder() {
        Startup startup = startup(2, Duration.ofSeconds(10), child -> readyAfter(Duration.ofMillis(150)));

        Map<Child, Outcome> outcomes = startup.startTogether(specs(6));

        assertThat(mostAtOnce).hasValue(2);
        assertThat(events.stream().filter(event -> event.startsWith("start")))
                .containsExactly("start catalog", "start catalog-2", "start catalog-3", "start catalog-4",
                        "start catalog-5", "start catalog-6");
        assertThat(outcomes.values()).hasSize(6).allMatch(Ready.class::isInstance);
        assertThat(out.toString().lines().filter(line -> line.contains("ready in"))).hasSize(6);
    }

    @Test
    void theNextInstanceStartsAsSoonAsTheOneBeforeIsReadyOrHasFailed() {
        Startup startup = startup(1, Duration.ofSeconds(10), child -> child.spec().instance() == 1
                ? new Exited(3, Duration.ofMillis(10))
                : readyAfter(Duration.ofMillis(10)));

        Map<Child, Outcome> outcomes = startup.startTogether(specs(3));

        assertThat(events).containsExactly("start catalog", "done catalog", "start catalog-2", "done catalog-2",
                "start catalog-3", "done catalog-3");
        assertThat(outcomes.values()).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Exited", "Ready", "Ready");
        assertThat(err.toString()).containsPattern("catalog +exited with code 3");
    }

    @Test
    void whileInstancesStartALineSaysWhoIsStillAwaitedAndHowManyAreQueued() {
        Startup startup = startup(1, Duration.ofMillis(100), child -> readyAfter(Duration.ofMillis(450)));

        startup.startTogether(specs(2));

        assertThat(out.toString()).containsPattern("  waiting for catalog \\(1 more queued\\): \\d+ s")
                .containsPattern("  waiting for catalog-2: \\d+ s");
    }

    @Test
    void anInstanceThatStalledIsReportedWithTheWindowItWasQuietFor() {
        Startup startup = startup(2, Duration.ofSeconds(10),
                child -> new Stalled(Duration.ofSeconds(60), Duration.ofMillis(75_300)));

        startup.startTogether(specs(1));

        assertThat(err.toString()).containsPattern("catalog +made no progress for 60 s; not ready after 75\\.3 s "
                + "\\(.*never answered 200\\)");
    }

    private Startup startup(int concurrency, Duration reportEvery, Function<Child, Outcome> outcome) {
        var limits = new StartLimits(concurrency, Patience.stallingAfter(Duration.ofSeconds(60)), reportEvery);
        Startup.Waiter waiter = (child, check) -> {
            mostAtOnce.accumulateAndGet(starting.incrementAndGet(), Math::max);
            try {
                return outcome.apply(child);
            }
            finally {
                starting.decrementAndGet();
                events.add("done " + child.spec().name());
            }
        };
        return new Startup(this::spawn, waiter, new StateStore(dir.resolve("run")),
                new RunState(Instant.now(), Map.of(), List.of()), new PrintWriter(out, true),
                new PrintWriter(err, true), limits);
    }

    private Child spawn(LaunchSpec spec) throws IOException {
        events.add("start " + spec.name());
        Process process = new ProcessBuilder("sleep", "30").start();
        processes.add(process);
        return new Child(spec, process, Instant.now());
    }

    private List<LaunchSpec> specs(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(instance -> new LaunchSpec("catalog", instance,
                List.of("java"), Map.of(), dir, dir.resolve("catalog.jar"), dir.resolve("catalog-" + instance + ".log"),
                List.of(40_000 + instance))).toList();
    }

    private static Outcome readyAfter(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return new Ready(duration);
    }
}

package io.shopscale.launcher.drill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The drill's timeline against a load that only writes its started file, on a short real clock. */
class DrillTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DrillPlan PLAN = new DrillPlan(Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofMillis(300));

    @TempDir
    Path dir;

    private final StringWriter printed = new StringWriter();

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void injectsAfterTheLeadHealsAfterTheOutageAndEndsTheLoadATailLater() throws Exception {
        Instant loadStart = Instant.now();
        Files.writeString(dir.resolve("load-started"), loadStart + "\n");

        Drill.Outcome outcome = drill(new RecordingFault(false, false)).run(() -> true, Duration.ofSeconds(5));

        assertThat(events).containsExactly("inject", "heal");
        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.loadStartedAt()).isEqualTo(loadStart);
        assertThat(Duration.between(loadStart, outcome.injectedAt())).isGreaterThanOrEqualTo(PLAN.lead());
        assertThat(Duration.between(outcome.injectedAt(), outcome.healedAt())).isGreaterThanOrEqualTo(PLAN.outage());
        JsonNode timeline = timeline();
        assertThat(timeline.path("fault").asString()).isEqualTo("disk-full");
        assertThat(timeline.path("what").asString()).isEqualTo("the disk filled up, then was emptied");
        assertThat(Instant.parse(timeline.path("injectedAt").asString())).isEqualTo(outcome.injectedAt());
        assertThat(Instant.parse(timeline.path("healedAt").asString())).isEqualTo(outcome.healedAt());
        assertThat(Instant.parse(timeline.path("loadEndsAt").asString()))
                .isEqualTo(outcome.healedAt().plus(PLAN.tail()));
        assertThat(timeline.path("failure").isNull()).isTrue();
        assertThat(printed.toString()).contains("drill: injecting disk-full: the disk filled up",
                "drill: disk-full healed at");
    }

    @Test
    void aFaultThatCannotBeInjectedIsHealedAnywayAndEndsTheLoadAtOnce() throws Exception {
        Files.writeString(dir.resolve("load-started"), Instant.now() + "\n");

        Drill.Outcome outcome = drill(new RecordingFault(true, false)).run(() -> true, Duration.ofSeconds(5));

        assertThat(events).containsExactly("inject", "heal");
        assertThat(outcome.clean()).isFalse();
        assertThat(outcome.failure()).isEqualTo("injecting disk-full failed: no disk to fill");
        JsonNode timeline = timeline();
        assertThat(timeline.path("failure").asString()).isEqualTo("injecting disk-full failed: no disk to fill");
        assertThat(timeline.path("loadEndsAt").asString()).isEqualTo(timeline.path("healedAt").asString());
    }

    @Test
    void aHealingThatFailsIsReportedAndEndsTheLoad() throws Exception {
        Files.writeString(dir.resolve("load-started"), Instant.now() + "\n");

        Drill.Outcome outcome = drill(new RecordingFault(false, true)).run(() -> true, Duration.ofSeconds(5));

        assertThat(outcome.failure()).isEqualTo("healing disk-full failed: the disk stays full");
        assertThat(timeline().path("loadEndsAt").asString()).isEqualTo(timeline().path("healedAt").asString());
    }

    @Test
    void whenTheLoadEndsDuringTheFaultItIsHealedAtOnce() throws Exception {
        Files.writeString(dir.resolve("load-started"), Instant.now() + "\n");
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        Drill drill = drill(new RecordingFault(false, false) {
            @Override
            public void inject() {
                super.inject();
                loadRunning.set(false);
            }
        });

        Drill.Outcome outcome = drill.run(loadRunning::get, Duration.ofSeconds(5));

        assertThat(events).containsExactly("inject", "heal");
        assertThat(Duration.between(outcome.injectedAt(), outcome.healedAt())).isLessThan(PLAN.outage());
        assertThat(printed.toString()).contains("the load ended during the fault; healing now");
    }

    @Test
    void nothingIsInjectedWhenTheLoadNeverStarts() throws Exception {
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            }
            catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            loadRunning.set(false);
        });

        Drill.Outcome outcome = drill(new RecordingFault(false, false)).run(loadRunning::get, Duration.ofSeconds(5));

        assertThat(events).isEmpty();
        assertThat(outcome.loadStartedAt()).isNull();
        assertThat(outcome.clean()).isFalse();
        assertThat(Files.exists(dir.resolve("timeline.json"))).isFalse();
    }

    @Test
    void aLoadThatTakesTooLongToStartIsGivenUpOn() throws Exception {
        Drill.Outcome outcome = drill(new RecordingFault(false, false)).run(() -> true, Duration.ofMillis(300));

        assertThat(events).isEmpty();
        assertThat(outcome.failure()).isEqualTo("the load did not start within 0.3 s");
    }

    @Test
    void healingOnInterruptHappensOnceAndOnlyAfterAnInjection() throws Exception {
        Drill drill = drill(new RecordingFault(false, false));
        drill.healIfInjected();
        assertThat(events).isEmpty();

        Files.writeString(dir.resolve("load-started"), Instant.now() + "\n");
        drill.run(() -> true, Duration.ofSeconds(5));
        drill.healIfInjected();

        assertThat(events).containsExactly("inject", "heal");
    }

    private Drill drill(Fault fault) {
        return new Drill(fault, PLAN, dir.resolve("timeline.json"), dir.resolve("load-started"),
                new PrintWriter(printed, true));
    }

    private JsonNode timeline() throws Exception {
        return JSON.readTree(Files.readString(dir.resolve("timeline.json")));
    }

    private class RecordingFault implements Fault {

        private final boolean injectFails;

        private final boolean healFails;

        RecordingFault(boolean injectFails, boolean healFails) {
            this.injectFails = injectFails;
            this.healFails = healFails;
        }

        @Override
        public String name() {
            return "disk-full";
        }

        @Override
        public String what() {
            return "the disk filled up, then was emptied";
        }

        @Override
        public void inject() {
            events.add("inject");
            if (injectFails) {
                throw new IllegalStateException("no disk to fill");
            }
        }

        @Override
        public void heal() {
            events.add("heal");
            if (healFails) {
                throw new IllegalStateException("the disk stays full");
            }
        }
    }
}

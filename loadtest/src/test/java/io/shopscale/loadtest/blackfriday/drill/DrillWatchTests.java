package io.shopscale.loadtest.blackfriday.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrillWatchTests {

    @TempDir
    Path dir;

    @Test
    void writesTheStartAndEndsTheLoadATailAfterHealingOnceTheTimelineSaysSo() throws Exception {
        Path timeline = dir.resolve("timeline.json");
        Path started = dir.resolve("run/load-started");
        DrillWatch watch = new DrillWatch(timeline, started);

        watch.started(System.nanoTime());

        Instant start = Instant.parse(Files.readString(started).trim());
        assertThat(start).isCloseTo(Instant.now(), within(Duration.ofSeconds(2)));
        assertThat(watch.endSeconds()).as("nothing healed yet").isInfinite();

        Files.writeString(timeline, "{\"fault\":\"redis-outage\",\"injectedAt\":\"" + start.plusSeconds(3)
                + "\",\"healedAt\":\"" + start.plusSeconds(11) + "\",\"loadEndsAt\":\"" + start.plusSeconds(16)
                + "\"}");
        Thread.sleep(DrillWatch.REREAD_MILLIS + 50);

        assertThat(watch.endSeconds()).isCloseTo(16.0, within(0.001));
        assertThat(watch.finalTimeline().healedAt()).isEqualTo(start.plusSeconds(11));
    }

    @Test
    void answersAreKeptOnTheWallClockOfTheLoad() {
        DrillWatch watch = new DrillWatch(dir.resolve("timeline.json"), null);
        long start = System.nanoTime();
        watch.started(start);

        watch.answered(Endpoint.CHECKOUT, "503", start + Duration.ofMillis(2500).toNanos());

        assertThat(watch.answers()).singleElement().satisfies(answer -> {
            assertThat(answer.outcome()).isEqualTo("503");
            assertThat(Duration.between(watch.startedAt(), answer.at())).isEqualTo(Duration.ofMillis(2500));
        });
    }
}

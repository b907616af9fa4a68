package io.shopscale.loadtest.blackfriday.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultTimelineTests {

    @TempDir
    Path dir;

    @Test
    void readsWhatTheInjectorWroteSoFar() throws IOException {
        Path file = dir.resolve("timeline.json");
        Files.writeString(file, """
                {"fault": "kafka-outage", "what": "the broker stopped", "injectedAt": "2026-12-07T10:00:10Z",
                 "healedAt": null}
                """);

        FaultTimeline timeline = FaultTimeline.read(file);

        assertThat(timeline.fault()).isEqualTo("kafka-outage");
        assertThat(timeline.injected()).isTrue();
        assertThat(timeline.healed()).isFalse();
        assertThat(timeline.loadEndsAt()).isNull();
        assertThat(timeline.length()).isEmpty();
    }

    @Test
    void aHealedFaultHasALength() throws IOException {
        Path file = dir.resolve("timeline.json");
        Files.writeString(file, "{\"fault\":\"pg-outage\",\"injectedAt\":\"2026-12-07T10:00:10Z\","
                + "\"healedAt\":\"2026-12-07T10:00:41.500Z\",\"loadEndsAt\":\"2026-12-07T10:01:01.500Z\"}");

        FaultTimeline timeline = FaultTimeline.read(file);

        assertThat(timeline.length()).hasValue(Duration.ofMillis(31_500));
        assertThat(timeline.loadEndsAt()).isEqualTo(Instant.parse("2026-12-07T10:01:01.500Z"));
    }

    @Test
    void noFileYetIsNoFaultYet() throws IOException {
        assertThat(FaultTimeline.read(dir.resolve("absent.json"))).isEqualTo(FaultTimeline.NONE);
    }

    @Test
    void aBrokenFileSaysSo() throws IOException {
        Path file = dir.resolve("timeline.json");
        Files.writeString(file, "{\"injectedAt\": \"yesterday\"}");

        assertThatThrownBy(() -> FaultTimeline.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not readable");
    }
}

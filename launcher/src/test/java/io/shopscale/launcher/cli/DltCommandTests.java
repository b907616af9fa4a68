package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.FakePlatform.Result;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dlt command's arguments, and how it finds Kafka or says why it cannot. */
class DltCommandTests {

    @TempDir
    Path home;

    private FakePlatform platform;

    @BeforeEach
    void createPlatform() throws IOException {
        platform = new FakePlatform(home);
    }

    @Test
    void itNeedsASubcommandAndShowAndReplayNeedATopic() {
        Result bare = platform.run("dlt");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("a dlt command is missing: list, show <topic> or replay <topic>");

        assertThat(platform.run("dlt", "show").exitCode()).isEqualTo(2);
        assertThat(platform.run("dlt", "replay").err()).contains("Missing required parameter: 'TOPIC'");
        assertThat(platform.run("dlt", "purge", "x.DLT").exitCode()).isEqualTo(2);
        assertThat(platform.run("dlt", "show", "a.b.DLT", "--limit", "0").err())
                .contains("--limit must be at least 1");
    }

    @Test
    void onlyDeadLetterTopicsCanBeShownOrReplayed() {
        Result show = platform.run("dlt", "show", "shopscale.orders");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("shopscale.orders is not a dead-letter topic: their names end in .DLT");

        assertThat(platform.run("dlt", "replay", "shopscale.payments").exitCode()).isEqualTo(2);
    }

    @Test
    void helpNamesTheSubcommands() {
        Result help = platform.run("dlt", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("list", "show", "replay", "dead-letter");
    }

    @Test
    void withNothingRunningItSaysSo() {
        Result list = platform.run("dlt", "list");

        assertThat(list.exitCode()).isEqualTo(3);
        assertThat(list.err()).contains("Nothing is running. Start it with: ./shopscale up");
    }

    @Test
    void itAsksTheKafkaTheRunningPlatformWasGivenAndSaysWhenItDoesNotAnswer() {
        int silent = Ports.free();
        platform.store().write(new RunState(Instant.now(),
                Map.of("SHOPSCALE_KAFKA_BOOTSTRAP", "127.0.0.1:" + silent),
                List.of(new InstanceRecord("catalog", 1, ProcessHandle.current().pid(), 8081, List.of(8081),
                        "/gone/catalog.jar", "/gone/catalog.log", Instant.now()))));

        Result list = platform.run("dlt", "list");

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("Cannot reach Kafka at 127.0.0.1:" + silent + ": no answer within 5 s")
                .contains("./shopscale status");
    }

    @Test
    void shownTextStaysOnOneLineAndShort() {
        assertThat(DltCommand.shown("{\"a\":\n\t1}\u0000".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":\\n\\t1}\\u0000");
        assertThat(DltCommand.shortened("x".repeat(500))).hasSize(DltCommand.SHOWN + 1).endsWith("…");
    }
}

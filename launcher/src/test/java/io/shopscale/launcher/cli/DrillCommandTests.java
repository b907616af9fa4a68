package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.FakePlatform.Result;
import io.shopscale.launcher.drill.DrillPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code drill} accepts, and what it hands the load generator; nothing here starts a platform. */
class DrillCommandTests {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "disk-full                | unknown fault 'disk-full'; one of pg-outage, kafka-outage, redis-outage, kill, psp-",
        "kill                     | kill needs the service to kill one instance of: identity, catalog, cart, inventory",
        "kill gateway             | kill gateway: only a service that scale starts again can be killed",
        "kill shipping            | kill shipping: only a service",
        "pg-outage orders         | pg-outage takes no service (got 'orders')",
        "pg-outage --rate 0       | --rate must be a positive number",
        "pg-outage --outage 0s    | --outage must be positive",
        "pg-outage --tail 0s      | --tail must be positive",
        "pg-outage --lead soon    | 'soon' is not a duration such as 500ms, 30s or 2m",
        "psp-slow --latency 0ms   | --latency must be positive",
        "kill orders payment      | Unmatched argument"})
    void badRequestsExitTwoWithTheReasonBeforeAnythingRuns(String arguments, String reason) throws IOException {
        FakePlatform platform = new FakePlatform(home);
        List<String> command = new ArrayList<>(List.of("drill"));
        command.addAll(List.of(arguments.trim().split(" +")));

        Result result = platform.run(command.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(reason.trim());
        assertThat(platform.instances()).as("nothing was started").isEmpty();
    }

    @Test
    void withoutTheLoadGeneratorBuiltItSaysHowToBuildIt() throws IOException {
        Result result = new FakePlatform(home).run("drill", "pg-outage");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("The load generator is not built", "./mvnw -DskipTests package");
    }

    @Test
    void theLoadRunsTheDrillProfileLongEnoughToHealAndIsEndedByTheTimeline() {
        DrillRequest request = new DrillRequest("kill", "orders", 4, new DrillPlan(Duration.ofSeconds(3),
                Duration.ofSeconds(8), Duration.ofSeconds(5)), Duration.ofSeconds(2));

        List<String> arguments = DrillCommand.loadArguments(request, 7, Duration.ofMinutes(2),
                Path.of("/out/timeline.json"), Path.of("/out/load-started"), Path.of("/out"));

        assertThat(arguments).containsExactly("bench", "--profile", "drill", "--rate", "4", "--duration", "196s",
                "--seed", "7", "--timeline", "/out/timeline.json", "--started-file", "/out/load-started",
                "--out", "/out", "--drain-timeout", "2m");
        assertThat(request.name()).isEqualTo("kill orders");
    }

    @Test
    void fractionalRatesAndTheProfilesDrainTimeoutPassThrough() {
        DrillRequest request = new DrillRequest("pg-outage", null, 2.5, new DrillPlan(Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(20)), Duration.ofSeconds(2));

        List<String> arguments = DrillCommand.loadArguments(request, 42, null, Path.of("t"), Path.of("s"),
                Path.of("o"));

        assertThat(arguments).containsSequence("--rate", "2.5").containsSequence("--duration", "230s")
                .doesNotContain("--drain-timeout");
    }

    @Test
    void durationsReadAsPeopleTypeThem() {
        DurationConverter converter = new DurationConverter();

        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationConverter.format(Duration.ofMinutes(3))).isEqualTo("3m");
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> converter.convert("-1s")).hasMessageContaining("not a duration");
    }
}

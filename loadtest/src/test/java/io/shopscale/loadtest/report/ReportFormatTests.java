package io.shopscale.loadtest.report;

import java.math.BigDecimal;
import java.util.List;

import io.shopscale.loadtest.run.Counts;
import io.shopscale.loadtest.run.PhaseResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void percentilesAreMillisecondsWithTwoDecimals() {
        Histogram micros = new Histogram(3);
        for (long v = 1; v <= 1000; v++) {
            micros.recordValue(v * 1000);
        }
        micros.recordValue(1234);

        Latency latency = Latency.of(micros);

        assertThat(latency.p50()).isEqualTo(new BigDecimal("500.22"));
        assertThat(latency.p99()).isEqualTo(new BigDecimal("990.21"));
        assertThat(latency.max()).isEqualTo(new BigDecimal("1000.45"));
        assertThat(Latency.millis(1234)).isEqualTo(new BigDecimal("1.23"));
        assertThat(Latency.millis(5)).hasToString("0.01");
    }

    @Test
    void roundsMergeIntoOneSummaryPerTarget() {
        TargetSummary summary = TargetSummary.of("gateway", "http://h/{id}", List.of(
                phase(1, 2 * SECOND, 2000, 10, 1500), phase(2, 2 * SECOND, 1000, 0, 2500)));

        assertThat(summary.count()).isEqualTo(3000);
        assertThat(summary.throughput()).isEqualTo(new BigDecimal("750.0"));
        assertThat(summary.errors()).isEqualTo(10);
        assertThat(summary.rounds()).extracting(RoundSummary::throughput)
                .containsExactly(new BigDecimal("1000.0"), new BigDecimal("500.0"));
        assertThat(summary.latencyMs().p50()).isEqualTo(new BigDecimal("1.50"));
        assertThat(summary.latencyMs().max()).isEqualTo(new BigDecimal("2.50"));
        assertThat(summary.generatorCpuCores()).isEqualTo(new BigDecimal("0.25"));
    }

    @Test
    void consoleTableAlignsNumbersAndExplainsTheTargets() {
        String text = ConsoleReport.render(report(false));

        assertThat(text).contains("closed model, 8 workers; 2 rounds × 10s per target, ABBA order");
        assertThat(text).containsPattern("target\\s+req/s\\s+requests\\s+errors\\s+p50 ms.*p99\\.9 ms\\s+max ms");
        assertThat(text).containsPattern("gateway\\s+750\\.0\\s+3000\\s+10\\s+1\\.50");
        assertThat(text).contains("gateway: 2xx=2990 5xx=10; req/s by round 1000.0 / 500.0");
        assertThat(text).doesNotContain("late");
    }

    @Test
    void markdownIsATableWithItsCommand() {
        String markdown = MarkdownReport.render(report(true));

        assertThat(markdown.lines()).contains(
                "| target | req/s | requests | errors | late | dropped | p50 ms | p90 ms | p95 ms | p99 ms "
                        + "| p99.9 ms | max ms |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        assertThat(markdown).contains("| gateway | 750.0 | 3000 | 10 | 0 | 0 | 1.50 |");
        assertThat(markdown).contains("Command: `java -jar loadtest-exec.jar --rate 200`");
        assertThat(markdown).startsWith("_open model, 200 req/s (max 512 in flight)");
    }

    @Test
    void jsonCarriesParametersEnvironmentAndPercentiles() {
        JsonNode json = JsonMapper.builder().build().readTree(JsonReport.render(report(false)));

        assertThat(json.path("environment").path("cores").asInt()).isPositive();
        assertThat(json.path("parameters").path("concurrency").asInt()).isEqualTo(8);
        JsonNode target = json.path("targets").get(0);
        assertThat(target.path("throughput").decimalValue()).isEqualByComparingTo("750.0");
        assertThat(target.path("status").path("5xx").asLong()).isEqualTo(10);
        assertThat(target.path("latencyMs").path("p99.9").isNumber()).isTrue();
        assertThat(target.path("rounds")).hasSize(2);
    }

    private static RunReport report(boolean open) {
        var parameters = new RunParameters(open ? "open" : "closed", open ? null : 8, open ? 200.0 : null,
                open ? 512 : null, "10s", 2, "5s", "ABBA", 42, "10s", 3, "--ids", List.of(), "2xx,3xx", null,
                "socket", open ? "java -jar loadtest-exec.jar --rate 200" : "java -jar loadtest-exec.jar");
        var target = TargetSummary.of("gateway", "http://h/{id}", List.of(
                phase(1, 2 * SECOND, 2000, 10, 1500), phase(2, 2 * SECOND, 1000, 0, 2500)));
        return new RunReport("shopscale-loadtest test", "2025-01-01T00:00:00Z", Environment.current(), parameters,
                List.of(target));
    }

    private static PhaseResult phase(int round, long elapsed, long count, long serverErrors, long micros) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(micros, count);
        var counts = new Counts(0, count - serverErrors, 0, 0, serverErrors, 0, 0, serverErrors, 0, 0);
        return new PhaseResult("gateway", round, elapsed, h, counts, elapsed / 4);
    }
}

package io.shopscale.loadtest.blackfriday.capacity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.shopscale.loadtest.blackfriday.verdict.Objective;
import io.shopscale.loadtest.report.JsonReport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** scripts/compare-capacity.sh on report.json files of the shape the bench writes. */
class CompareCapacityScriptTests {

    private static final Path SCRIPT = Path.of("..", "scripts", "compare-capacity.sh");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheScriptAndPython() throws InterruptedException {
        assumeTrue(Files.isRegularFile(SCRIPT), "the script lies beside the module");
        assumeTrue(hasPython(), "python3 is needed");
    }

    private static boolean hasPython() throws InterruptedException {
        try {
            return run("python3", "-c", "pass").exitCode() == 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

    @Test
    void aRunWithinTenPercentOfTheBaselinePasses() throws Exception {
        Result result = compare(report(1000, 100, 500), report(920, 95, 540));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("capacity \\(req/s of mix\\)\\s+50\\.0\\s+46\\.0\\s+-8\\.0%")
                .containsPattern("CPU ms/request\\s+6\\.250\\s+6\\.750\\s+\\+8\\.0%")
                .contains("no regression");
    }

    @Test
    void lessCapacityOrMoreCpuThanTenPercentIsARegression() throws Exception {
        Result fewer = compare(report(1000, 100, 500), report(880, 100, 500));
        assertThat(fewer.exitCode()).isOne();
        assertThat(fewer.output()).containsPattern("capacity \\(req/s of mix\\).*-12\\.0%\\s+REGRESSION");

        Result costlier = compare(report(1000, 100, 500), report(1000, 100, 560));
        assertThat(costlier.exitCode()).isOne();
        assertThat(costlier.output()).containsPattern("CPU ms/request.*\\+12\\.0%\\s+REGRESSION")
                .contains("regressed: CPU ms/request");
    }

    @Test
    void aFileWithoutACapacitySectionIsRefused() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"capacity\": null}");

        Result result = run("bash", SCRIPT.toString(), other.toString(), report(1000, 100, 500).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("has no capacity section");
    }

    /** One 20 s step that holds: {@code good} answers, {@code checkouts} 202s, {@code ticks} of one process's CPU. */
    private Path report(long good, long checkouts, long ticks) throws IOException {
        Histogram micros = new Histogram(3);
        micros.recordValue(20_000);
        Capacity capacity = new CapacityAnalysis(List.of(Objective.parse("latency.checkout.p99", "100ms")),
                CapacityAnalysis.ERROR_LIMIT).analyse(List.of(new StepMeasure("step-1", 20, 50, good, good,
                checkouts, 1000 + 600, 0, 800, Map.of("checkout", micros))), new CpuMeter.Use(100,
                List.of(new CpuMeter.ProcessUse("compact", 7, Map.of("step-1", ticks), false, null, null))));
        Path file = Files.createTempFile(dir, "report", ".json");
        Files.writeString(file, JsonReport.render(Map.of("capacity", capacity)));
        return file;
    }

    private Result compare(Path baseline, Path candidate) throws Exception {
        return run("bash", SCRIPT.toString(), baseline.toString(), candidate.toString());
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}

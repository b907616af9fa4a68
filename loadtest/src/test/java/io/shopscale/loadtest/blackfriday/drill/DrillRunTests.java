package io.shopscale.loadtest.blackfriday.drill;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.blackfriday.audit.AuditFacts;
import io.shopscale.loadtest.blackfriday.audit.Pending;
import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.verdict.Verdict;
import io.shopscale.loadtest.report.Environment;
import io.shopscale.loadtest.report.Latency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DrillRunTests {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final FaultTimeline HEALED = new FaultTimeline("pg-outage", "PostgreSQL stopped",
            T0.plusSeconds(10), T0.plusSeconds(41), T0.plusSeconds(61), null);

    @TempDir
    Path dir;

    @Test
    void aHealedFaultARecoveryAndADrainedBacklogPass() {
        List<Check> checks = DrillRun.drillChecks(fault(HEALED), recovery(1.8), drained(true), HEALED,
                T0.plusSeconds(61));

        assertThat(checks).extracting(Check::name)
                .containsExactly("fault-healed", "recovered-after-healing", "backlog-drained");
        assertThat(checks).allMatch(check -> check.status() == Check.Status.PASS);
        assertThat(checks.get(0).detail()).isEqualTo("lasted 31.0 s");
        assertThat(checks.get(1).detail()).isEqualTo("first checkout accepted 1.8 s after healing");
        assertThat(checks.get(2).detail()).isEqualTo("drained 4.0 s after the load ended");
    }

    @Test
    void noCheckoutAfterHealingAndABacklogLeftFail() {
        List<Check> checks = DrillRun.drillChecks(fault(HEALED), recovery(null), drained(false), HEALED,
                T0.plusSeconds(61));

        assertThat(checks.get(0).status()).isEqualTo(Check.Status.PASS);
        assertThat(checks.get(1).status()).isEqualTo(Check.Status.FAIL);
        assertThat(checks.get(1).detail()).isEqualTo("no checkout accepted in the 20.0 s between healing and the "
                + "end of the load");
        assertThat(checks.get(2).status()).isEqualTo(Check.Status.FAIL);
        assertThat(checks.get(2).detail()).isEqualTo("left: 2 orders PENDING_PAYMENT");
    }

    @Test
    void a5xxBeforeTheFaultFailsWhileTheFaultsOwnAreOnlyReported() {
        List<Answer> whole = List.of(new Answer(Endpoint.CHECKOUT, "202", T0.plusSeconds(1)),
                new Answer(Endpoint.CHECKOUT, "503", HEALED.injectedAt().plusSeconds(1)),
                new Answer(Endpoint.PRODUCT, "502", HEALED.healedAt().plusSeconds(2)));
        List<Answer> broken = List.of(new Answer(Endpoint.PRODUCT, "500", HEALED.injectedAt().minusSeconds(1)),
                new Answer(Endpoint.CHECKOUT, "503", HEALED.injectedAt().plusSeconds(1)));

        Check passed = DrillRun.no5xxBeforeTheFault(whole, HEALED);
        Check failed = DrillRun.no5xxBeforeTheFault(broken, HEALED);

        assertThat(passed.status()).isEqualTo(Check.Status.PASS);
        assertThat(failed.status()).isEqualTo(Check.Status.FAIL);
        assertThat(failed.violations()).isOne();
        assertThat(failed.examples()).containsExactly(Endpoint.PRODUCT.label() + " 500 × 1");
    }

    @Test
    void aFaultThatWasNeverHealedOrFailedFails() {
        FaultTimeline stuck = new FaultTimeline("pg-outage", "", T0.plusSeconds(10), null, null, null);
        FaultTimeline failed = new FaultTimeline("kill", "", T0.plusSeconds(10), T0.plusSeconds(20), null,
                "orders did not start again");

        assertThat(DrillRun.drillChecks(fault(stuck), recovery(null), drained(false), stuck, T0).getFirst().detail())
                .isEqualTo("the fault was injected but never healed");
        Check restart = DrillRun.drillChecks(fault(failed), recovery(1.0), drained(true), failed, T0).getFirst();
        assertThat(restart.status()).isEqualTo(Check.Status.FAIL);
        assertThat(restart.detail()).isEqualTo("orders did not start again");
        assertThat(DrillRun.drillChecks(fault(FaultTimeline.NONE), recovery(null), drained(true), FaultTimeline.NONE,
                T0).getFirst().detail()).isEqualTo("the fault was never injected");
    }

    /** Without a settle step (nothing waited for) the drill cannot pass, however the invariants did. */
    @Test
    void theReportFilesCarryTheDrillAndTheTerminalShowsEveryCheck() throws Exception {
        Path timeline = dir.resolve("timeline.json");
        Files.writeString(timeline, "{\"fault\":\"psp-outage\",\"what\":\"the provider refuses connections\","
                + "\"injectedAt\":\"" + Instant.now().plusSeconds(1) + "\",\"healedAt\":\""
                + Instant.now().plusSeconds(2) + "\"}");
        DrillRun drill = new DrillRun(timeline, null, "jdbc:postgresql://127.0.0.1:1/none", "postgres", "");
        long start = System.nanoTime();
        drill.observer().started(start);
        drill.observer().answered(Endpoint.CHECKOUT, "202", start + 3_000_000_000L);
        StringWriter printed = new StringWriter();

        int exit = drill.finish(bench(), dir.resolve("out"), new PrintWriter(printed, true));

        assertThat(exit).isEqualTo(Verdict.INVARIANT_BROKEN);
        JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("out/report.json").toFile());
        assertThat(json.path("run").path("profile").asString()).as("the bench's report is all there")
                .isEqualTo("drill");
        assertThat(json.path("drill").path("fault").path("name").asString()).isEqualTo("psp-outage");
        assertThat(json.path("drill").path("recovery").path("firstAcceptedAfterHealing").asDouble()).isPositive();
        assertThat(json.path("drill").path("checks")).extracting(check -> check.path("name").asString())
                .containsExactly("no-oversell", "no-5xx-before-the-fault", "fault-healed", "recovered-after-healing",
                        "backlog-drained");
        assertThat(json.path("drill").path("exitCode").asInt()).isEqualTo(3);
        assertThat(dir.resolve("out/report.html")).isNotEmptyFile();
        String text = Files.readString(dir.resolve("out/report.txt"));
        assertThat(printed.toString()).startsWith(text);
        assertThat(text).startsWith("drill psp-outage: the provider refuses connections")
                .containsPattern("PASS\\s+no-oversell").containsPattern("PASS\\s+recovered-after-healing")
                .containsPattern("FAIL\\s+backlog-drained\\s+left: not waited for")
                .contains("window", "lead-in", "fault", "tail", "after the load")
                .contains("orders    100 stored: 98 confirmed, 2 cancelled (EXPIRED 2), 0 pending")
                .contains("FAILED (exit 3)");
    }

    private static DrillReport.Fault fault(FaultTimeline timeline) {
        return new DrillReport.Fault(timeline.fault(), timeline.what(), timeline.injectedAt(), timeline.healedAt(),
                timeline.length().map(length -> length.toMillis() / 1000.0).orElse(null), timeline.failure());
    }

    private static DrillReport.Recovery recovery(Double seconds) {
        return new DrillReport.Recovery(seconds, seconds == null ? null : T0.plusSeconds(42), 33.0, T0.plusSeconds(9),
                T0.plusSeconds(42), 0);
    }

    private static DrillReport.Drain drained(boolean drained) {
        return drained ? new DrillReport.Drain(12, 0, 20.0, true, T0.plusSeconds(65), 24.0, 4.0, "nothing")
                : new DrillReport.Drain(12, 2, null, false, null, null, null, "2 orders PENDING_PAYMENT");
    }

    private static BenchReport bench() {
        Latency latency = new Latency(bd("12.00"), bd("30.00"), bd("40.00"), bd("60.00"), bd("88.00"), bd("90.00"));
        List<Check> checks = List.of(new Check("no-oversell", "no SKU ends with available < 0", Check.Status.PASS, 0,
                "0 units oversold", List.of()));
        return new BenchReport("test", "2026-12-07T10:00:00Z", Environment.current(),
                new BenchReport.Run("drill", "mostly checkouts", 10, 20, 42, "poisson", 1000, "10s", "3m", 10, 0.05,
                        20, 5, 0, "java -jar loadtest-exec.jar bench --profile drill"),
                List.of(new BenchReport.PhaseSpan("drill", 0, 20, 10, 10, false)),
                new BenchReport.Setup(20, 4.2, 0, 0, 1000, List.of(), false),
                List.of(new BenchReport.EndpointResult("checkout", "POST /api/orders", 100, 5, 0, 0,
                        Map.of("202", 100L), latency, List.of())),
                new BenchReport.Orders(100, 100, 0, 0, 0, latency, List.of()), List.of(),
                new BenchReport.Audit(true, 0, new Pending(0, 0, 0, 0), 1.2, checks, new AuditFacts(100, 100, 98, 2, 0,
                        Map.of("EXPIRED", 2L), 0, 0, latency, 100, 98, 0, 0, List.of()), List.of()), null,
                List.of(), Verdict.of(checks, List.of()));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}

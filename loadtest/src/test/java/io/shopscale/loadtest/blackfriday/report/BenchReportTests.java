package io.shopscale.loadtest.blackfriday.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.shopscale.loadtest.blackfriday.audit.AuditFacts;
import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.audit.Pending;
import io.shopscale.loadtest.blackfriday.audit.StockLevel;
import io.shopscale.loadtest.blackfriday.capacity.Capacity;
import io.shopscale.loadtest.blackfriday.capacity.CapacityAnalysis;
import io.shopscale.loadtest.blackfriday.capacity.CpuMeter;
import io.shopscale.loadtest.blackfriday.capacity.StepMeasure;
import io.shopscale.loadtest.blackfriday.traffic.TimelinePoint;
import io.shopscale.loadtest.blackfriday.verdict.Objective;
import io.shopscale.loadtest.blackfriday.verdict.ObjectiveResult;
import io.shopscale.loadtest.blackfriday.verdict.Verdict;
import io.shopscale.loadtest.report.Environment;
import io.shopscale.loadtest.report.JsonReport;
import io.shopscale.loadtest.report.Latency;
import io.shopscale.loadtest.blackfriday.verdict.Measured;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchReportTests {

    private final BenchReport report = report();

    @Test
    void jsonCarriesEveryPartOfTheRun() {
        JsonNode json = JsonMapper.builder().build().readTree(JsonReport.render(report));

        assertThat(json.path("run").path("profile").asString()).isEqualTo("black-friday");
        assertThat(json.path("phases")).hasSize(2);
        assertThat(json.path("phases").get(1).path("flashSale").asBoolean()).isTrue();
        JsonNode checkout = json.path("endpoints").get(1);
        assertThat(checkout.path("name").asString()).isEqualTo("checkout");
        assertThat(checkout.path("statuses").path("409").asLong()).isEqualTo(7);
        assertThat(checkout.path("latencyMs").path("p99.9").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(checkout.path("distribution").get(0).path("percentile").asDouble()).isZero();
        assertThat(json.path("orders").path("acceptedToFinalMs").path("p50").isNumber()).isTrue();
        assertThat(json.path("timeline")).hasSize(40);
        assertThat(json.path("timeline").get(3).path("pendingOrders").asLong()).isEqualTo(3);
        assertThat(json.path("audit").path("checks").get(0).path("status").asString()).isEqualTo("PASS");
        assertThat(json.path("audit").path("checks").get(1).path("status").asString()).isEqualTo("INCIDENT");
        assertThat(json.path("audit").path("stillPending").path("orders").asLong()).isZero();
        assertThat(json.path("audit").path("facts").path("hotSkus").get(0).path("after").path("sold").asLong())
                .isEqualTo(10);
        assertThat(json.path("objectives").get(0).path("passed").asBoolean()).isFalse();
        assertThat(json.path("verdict").path("exitCode").asInt()).isEqualTo(1);
        assertThat(json.path("environment").path("cores").asInt()).isPositive();
    }

    @Test
    void htmlIsOnePageWithItsChartsInline() {
        String html = BenchHtml.render(report);

        assertThat(html).startsWith("<!doctype html>").endsWith("</html>\n");
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(5);
        assertThat(html).contains("<title>Throughput over time</title>", "<title>Latency over time</title>",
                "<title>Pending orders over time</title>", "<title>Latency distribution by endpoint</title>",
                "<title>Time from 202 to final status</title>");
        assertThat(html).contains(">flash-sale</text>", ">Errors by endpoint and status<", "FAILED (exit 1)",
                "latency.checkout.p99", "no-oversell", "HKT-00001",
                "<span class=\"status incident\">INCIDENT</span>", "the provider refunded 1 charges");
        // Opens offline: nothing to fetch, nothing to run.
        assertThat(html).doesNotContain("<script", " src=", " href=", "<link", "@import");
        assertThat(html).contains("&lt;b&gt;").doesNotContain("<b>bold");
    }

    @Test
    void terminalSummaryHasTheEndpointTableAndTheVerdict() {
        String text = BenchConsole.render(report);

        assertThat(text).containsPattern("endpoint\\s+req/s\\s+requests\\s+errors\\s+p50 ms\\s+p95 ms\\s+p99 ms"
                + "\\s+p99\\.9 ms\\s+max ms\\s+outcomes");
        assertThat(text).containsPattern("checkout\\s+2\\s+100\\s+3\\s+");
        assertThat(text).contains("202=90 409=7 503=3");
        assertThat(text).containsPattern("PASS\\s+no-oversell");
        // An incident is listed with the invariants but fails nothing: the exit code is the missed objective's.
        assertThat(text).containsPattern("INCIDENT\\s+refunded-double-charges\\s+1 orders charged twice");
        assertThat(text).containsPattern("FAIL\\s+latency.checkout.p99\\s+120.00 ms, limit ≤ 100ms");
        assertThat(text).contains("FAILED (exit 1)");
    }

    @Test
    void aCapacityRunPrintsItsStepsItsCapacityAndCpuPerRequestAndWritesThemToJson() {
        BenchReport capacityReport = withCapacity(report, capacity());

        String text = BenchConsole.render(capacityReport);
        assertThat(text).contains("at most 1% of its requests fail");
        assertThat(text).containsPattern("step\\s+target/s\\s+offered/s\\s+goodput/s\\s+checkouts/s"
                + "\\s+worst latency\\s+errors\\s+holds");
        assertThat(text).containsPattern("step-1\\s+40\\s+40\\s+39\\.9\\s+4\\s+checkout\\.p99 30/100 ms"
                + "\\s+0\\.10%\\s+yes");
        assertThat(text).containsPattern("step-2\\s+80\\s+80\\s+78\\s+7\\.5\\s+checkout\\.p99 180\\.1/100 ms"
                + "\\s+0\\.60%\\s+no");
        assertThat(text).containsPattern("(?m)^capacity: 39\\.9 req/s of mix \\(4 checkouts/s\\)$");
        assertThat(text).contains("step-2 broke: latency.checkout.p99 180.10 ms > 100ms");
        assertThat(text).containsPattern("CPU ms/request\\s+step-1\\s+step-2");
        assertThat(text).containsPattern("gateway-1\\s+1\\.000\\s+1\\.250");
        assertThat(text).containsPattern("catalog-1\\s+0\\.500\\s+gone");
        assertThat(text).containsPattern("total\\s+1\\.500\\s+-");
        assertThat(text).contains("catalog-1 (pid 12): gone during step-2");

        JsonNode json = JsonMapper.builder().build().readTree(JsonReport.render(capacityReport));
        JsonNode capacity = json.path("capacity");
        assertThat(capacity.path("capacity").asDouble()).isEqualTo(39.9);
        assertThat(capacity.path("checkoutsPerSecond").asDouble()).isEqualTo(4);
        assertThat(capacity.path("step").asString()).isEqualTo("step-1");
        assertThat(capacity.path("brokenAt").asString()).isEqualTo("step-2");
        assertThat(capacity.path("line").asString()).isEqualTo("capacity: 39.9 req/s of mix (4 checkouts/s)");
        assertThat(capacity.path("cpu").path("msPerRequest").asDouble()).isEqualTo(1.5);
        assertThat(capacity.path("steps")).hasSize(2);
        JsonNode second = capacity.path("steps").get(1);
        assertThat(second.path("holds").asBoolean()).isFalse();
        assertThat(second.path("offeredPerSecond").asDouble()).isEqualTo(80);
        assertThat(second.path("latency").get(0).path("objective").asString()).isEqualTo("latency.checkout.p99");
        assertThat(second.path("latency").get(0).path("ms").asDouble()).isEqualTo(180.1);
        assertThat(second.path("cpu").path("msPerRequest").isNull()).isTrue();
        assertThat(second.path("cpu").path("components").get(1).path("note").asString())
                .isEqualTo("gone during step-2");
        assertThat(second.has("worst")).as("only the record's own fields").isFalse();
        assertThat(json.path("objectives").get(0).path("name").asString()).isEqualTo("capacity");
        // Any other run has no capacity section.
        assertThat(JsonMapper.builder().build().readTree(JsonReport.render(report)).path("capacity").isNull())
                .isTrue();
        assertThat(BenchConsole.render(report)).doesNotContain("capacity");
    }

    @Test
    void ordersNeverSeenFinalCountAsSlowerThanAnyThatWere() {
        Histogram micros = new Histogram(3);
        for (int ms = 1; ms <= 98; ms++) {
            micros.recordValue(ms * 1000L);
        }

        assertThat(Readings.orderFinal(micros, 100, 50).value()).isCloseTo(50.0, within(0.1));
        assertThat(Readings.orderFinal(micros, 100, 98).value()).isCloseTo(98.0, within(0.1));
        Measured.Reading p99 = Readings.orderFinal(micros, 100, 99);
        assertThat(p99.value()).isNull();
        assertThat(p99.note()).isEqualTo("2 of 100 accepted orders never seen final");
    }

    private static BenchReport report() {
        List<TimelinePoint> timeline = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            timeline.add(new TimelinePoint(s, s < 20 ? "warm" : s < 30 ? "flash-sale" : "settling", s < 30 ? 10 : 0,
                    10, s == 25 ? 2 : 0, s < 30 ? 4.5 : null, s < 30 ? 20.0 : null, s < 30 ? 60.0 : null, 3, s));
        }
        Latency latency = new Latency(bd("12.00"), bd("30.00"), bd("40.00"), bd("60.00"), bd("88.00"), bd("90.00"));
        List<BenchReport.PercentilePoint> distribution = List.of(new BenchReport.PercentilePoint(0, 1),
                new BenchReport.PercentilePoint(50, 12), new BenchReport.PercentilePoint(99, 60),
                new BenchReport.PercentilePoint(100, 90));
        Map<String, Long> searchStatuses = new LinkedHashMap<>(Map.of("200", 500L));
        Map<String, Long> checkoutStatuses = new LinkedHashMap<>();
        checkoutStatuses.put("202", 90L);
        checkoutStatuses.put("409", 7L);
        checkoutStatuses.put("503", 3L);
        List<BenchReport.EndpointResult> endpoints = List.of(
                new BenchReport.EndpointResult("search", "GET /api/products?q=", 500, 16.7, 0, 0, searchStatuses,
                        latency, distribution),
                new BenchReport.EndpointResult("checkout", "POST /api/orders", 100, 2, 3, 0.03, checkoutStatuses,
                        latency, distribution));
        List<Check> checks = List.of(new Check("no-oversell", "no SKU ends with available < 0", Check.Status.PASS, 0,
                "0 units oversold", List.of()), new Check("refunded-double-charges", "reported, not failed",
                Check.Status.INCIDENT, 1, "1 orders charged twice and refunded", List.of("o1: 2 charges, 1 refunded")));
        AuditFacts facts = new AuditFacts(90, 90, 80, 10, 0, Map.of("OUT_OF_STOCK", 10L), 0, 0, latency, 95, 80, 1, 0,
                List.of(new AuditFacts.HotSku("HKT-00001", new StockLevel("HKT-00001", 10, 0, 0),
                        new StockLevel("HKT-00001", 0, 0, 10))));
        List<ObjectiveResult> objectives = List.of(new ObjectiveResult("latency.checkout.p99", "≤ 100ms",
                "120.00 ms", false, null));
        return new BenchReport("shopscale-loadtest test bench", "2026-11-27T10:00:00Z", Environment.current(),
                new BenchReport.Run("black-friday", "a <b>bold</b> day", 10, 20, 42, "poisson", 1000, "10s", "2m", 10,
                        0.05, 30, 10, 0, "java -jar loadtest-exec.jar bench --profile black-friday"),
                List.of(new BenchReport.PhaseSpan("warm", 0, 20, 10, 10, false),
                        new BenchReport.PhaseSpan("flash-sale", 20, 10, 30, 30, true)),
                new BenchReport.Setup(20, 4.2, 3, 1.5, 1000, List.of("HKT-00001"), true), endpoints,
                new BenchReport.Orders(90, 80, 10, 0, 0, latency, distribution), timeline,
                new BenchReport.Audit(true, 0, new Pending(0, 0, 0, 0), 1.2, checks, facts, List.of()), null,
                objectives, Verdict.of(checks, objectives));
    }

    private static Capacity capacity() {
        CpuMeter.Use cpu = new CpuMeter.Use(100, List.of(
                new CpuMeter.ProcessUse("gateway-1", 11, Map.of("step-1", 100L, "step-2", 250L), false, null, null),
                new CpuMeter.ProcessUse("catalog-1", 12, Map.of("step-1", 50L), false, "step-2",
                        "gone during step-2")));
        return new CapacityAnalysis(List.of(Objective.parse("latency.checkout.p99", "100ms")),
                CapacityAnalysis.ERROR_LIMIT).analyse(List.of(
                        new StepMeasure("step-1", 20, 40, 800, 798, 80, 1000, 1, 1000, Map.of("checkout",
                                micros(30))),
                        new StepMeasure("step-2", 20, 80, 1600, 1560, 150, 2000, 12, 2000, Map.of("checkout",
                                micros(180)))), cpu);
    }

    private static Histogram micros(long ms) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(ms * 1000, 10);
        return histogram;
    }

    private static BenchReport withCapacity(BenchReport r, Capacity capacity) {
        List<ObjectiveResult> objectives = List.of(new ObjectiveResult("capacity", "step-1 holds",
                "39.9 req/s of mix at step-1", true, null));
        return new BenchReport(r.tool(), r.timestamp(), r.environment(), r.run(), r.phases(), r.setup(),
                r.endpoints(), r.orders(), r.timeline(), r.audit(), capacity, objectives,
                Verdict.of(r.audit().checks(), objectives));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}

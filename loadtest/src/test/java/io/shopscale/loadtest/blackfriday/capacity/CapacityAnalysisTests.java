package io.shopscale.loadtest.blackfriday.capacity;

import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.blackfriday.verdict.Objective;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityAnalysisTests {

    private static final List<Objective> OBJECTIVES = List.of(Objective.parse("latency.checkout.p99", "100ms"),
            Objective.parse("latency.search.p99", "250ms"), Objective.parse("error-rate", "0.1%"),
            Objective.parse("server-errors", "0"));

    private final CapacityAnalysis analysis = new CapacityAnalysis(OBJECTIVES, CapacityAnalysis.ERROR_LIMIT);

    @Test
    void theCapacityIsTheGoodputOfTheLastStepBeforeTheFirstThatBreaks() {
        Capacity capacity = analysis.analyse(List.of(
                step("step-1", 40, 800, 798, 80, 0, 20, 50),
                step("step-2", 80, 1600, 1596, 160, 4, 30, 60),
                // Checkout's p99 over its objective: the search ends here...
                step("step-3", 120, 2400, 2390, 236, 10, 140, 90),
                // ...even though a later step happens to hold again.
                step("step-4", 160, 3200, 3190, 300, 5, 60, 60)), null);

        assertThat(capacity.capacity()).isEqualTo(79.8);
        assertThat(capacity.checkoutsPerSecond()).isEqualTo(8.0);
        assertThat(capacity.step()).isEqualTo("step-2");
        assertThat(capacity.brokenAt()).isEqualTo("step-3");
        assertThat(capacity.line()).isEqualTo("capacity: 79.8 req/s of mix (8 checkouts/s)");
        assertThat(capacity.steps()).extracting(Capacity.Step::holds).containsExactly(true, true, false, true);
        Capacity.Step broken = capacity.steps().get(2);
        assertThat(broken.reasons()).singleElement().asString().startsWith("latency.checkout.p99 140.")
                .endsWith(" ms > 100ms");
        assertThat(broken.worst().objective()).isEqualTo("latency.checkout.p99");
        assertThat(broken.offeredPerSecond()).isEqualTo(120);
        assertThat(broken.goodputPerSecond()).isEqualTo(119.5);
        assertThat(capacity.cpu()).isNull();
    }

    @Test
    void errorsOverOnePercentBreakAStepEvenWhenLatencyHolds() {
        // Admission control keeps latency low by refusing with 429: 2% of the step's requests, which breaks it.
        Capacity capacity = analysis.analyse(List.of(
                step("step-1", 40, 800, 790, 80, 10, 20, 50),
                step("step-2", 80, 1600, 1568, 150, 32, 20, 50)), null);

        assertThat(capacity.steps().getFirst().holds()).as("exactly 1% holds").isTrue();
        assertThat(capacity.steps().get(1).holds()).isFalse();
        assertThat(capacity.steps().get(1).errorRate()).isEqualTo(0.016);
        assertThat(capacity.steps().get(1).reasons()).containsExactly("errors 32 of 2000 requests (1.6% > 1%)");
        assertThat(capacity.capacity()).isEqualTo(39.5);
    }

    @Test
    void whenTheFirstStepBreaksTheCapacityIsBelowIt() {
        Capacity capacity = analysis.analyse(List.of(
                step("step-1", 40, 800, 780, 70, 20, 400, 50),
                step("step-2", 80, 1600, 1500, 120, 100, 900, 50)), null);

        assertThat(capacity.capacity()).isNull();
        assertThat(capacity.checkoutsPerSecond()).isNull();
        assertThat(capacity.step()).isNull();
        assertThat(capacity.brokenAt()).isEqualTo("step-1");
        assertThat(capacity.line()).startsWith("capacity: below the first step (step-1, 40 req/s of mix offered, "
                + "broke: latency.checkout.p99 4").contains("errors 20 of 1000 requests (2% > 1%)");
    }

    @Test
    void whenEveryStepHoldsTheCapacityIsTheLastStepsAndNothingBrokeIt() {
        Capacity capacity = analysis.analyse(List.of(step("step-1", 40, 800, 800, 80, 0, 20, 50),
                step("step-2", 80, 1600, 1600, 160, 0, 20, 50)), null);

        assertThat(capacity.capacity()).isEqualTo(80);
        assertThat(capacity.brokenAt()).isNull();
    }

    @Test
    void anEndpointWithoutMeasuredAnswersInAStepIsNotJudgedThere() {
        StepMeasure noCheckouts = new StepMeasure("step-1", 20, 40, 800, 800, 0, 800, 0, 800,
                Map.of("search", micros(20)));

        Capacity capacity = analysis.analyse(List.of(noCheckouts), null);

        assertThat(capacity.steps().getFirst().holds()).isTrue();
        assertThat(capacity.steps().getFirst().latency()).filteredOn(c -> c.endpoint().equals("checkout"))
                .singleElement().satisfies(c -> assertThat(c.ms()).isNull());
    }

    @Test
    void cpuPerRequestIsEachProcesssTimeInTheStepOverTheRequestsAnsweredInIt() {
        CpuMeter.Use use = new CpuMeter.Use(100, List.of(
                new CpuMeter.ProcessUse("gateway-1", 11, Map.of("step-1", 200L, "step-2", 500L), false, null, null),
                new CpuMeter.ProcessUse("catalog-1", 12, Map.of("step-1", 100L), false, "step-2",
                        "gone during step-2"),
                new CpuMeter.ProcessUse("psp", 13, Map.of(), true, null, "not found at the start")));
        Capacity capacity = analysis.analyse(List.of(step("step-1", 40, 800, 800, 80, 0, 20, 50),
                step("step-2", 80, 1600, 1600, 160, 0, 20, 50)), use);

        Capacity.Cpu first = capacity.steps().getFirst().cpu();
        assertThat(first.answered()).isEqualTo(1000);
        assertThat(first.components()).extracting(Capacity.ComponentCpu::name).containsExactly("gateway-1",
                "catalog-1", "psp");
        // 200 ticks at 100/s = 2000 ms over 1000 answers.
        assertThat(first.components().getFirst().cpuMs()).isEqualTo(2000);
        assertThat(first.components().getFirst().msPerRequest()).isEqualTo(2.0);
        assertThat(first.components().get(1).msPerRequest()).isEqualTo(1.0);
        assertThat(first.components().get(2).msPerRequest()).isNull();
        assertThat(first.components().get(2).note()).isEqualTo("not found at the start");
        assertThat(first.msPerRequest()).as("no total while a process is missing").isNull();
        Capacity.Cpu second = capacity.steps().get(1).cpu();
        assertThat(second.components().get(1).msPerRequest()).as("lost during the step").isNull();
        assertThat(second.components().get(1).note()).isEqualTo("gone during step-2");
        assertThat(capacity.cpu()).isSameAs(second);
    }

    @Test
    void theTotalAddsEveryProcessWhenAllWereReadThroughTheStep() {
        CpuMeter.Use use = new CpuMeter.Use(100, List.of(
                new CpuMeter.ProcessUse("compact", 11, Map.of("step-1", 300L), false, "settling", "gone during "
                        + "settling"),
                new CpuMeter.ProcessUse("stores-1", 12, Map.of("step-1", 100L), false, null, null)));

        Capacity capacity = analysis.analyse(List.of(step("step-1", 40, 800, 800, 80, 0, 20, 50)), use);

        assertThat(capacity.cpu().msPerRequest()).isEqualTo(4.0);
        assertThat(capacity.cpu().components()).extracting(Capacity.ComponentCpu::msPerRequest)
                .containsExactly(3.0, 1.0);
    }

    /**
     * A 20 s step: {@code offered} arrivals of the mix plus a quarter as many order polls, all answered; {@code errors}
     * among those requests, and every measured checkout and search at the given latency.
     */
    private static StepMeasure step(String name, double rate, long offered, long good, long checkouts, long errors,
                                    long checkoutMs, long searchMs) {
        long requests = offered + offered / 4;
        return new StepMeasure(name, 20, rate, offered, good, checkouts, requests, errors, requests,
                Map.of("checkout", micros(checkoutMs), "search", micros(searchMs)));
    }

    private static Histogram micros(long ms) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(ms * 1000, 100);
        return histogram;
    }
}

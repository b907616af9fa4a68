package io.shopscale.loadtest.blackfriday;

import java.util.List;

import io.shopscale.loadtest.blackfriday.capacity.Capacity;
import io.shopscale.loadtest.blackfriday.verdict.ObjectiveResult;
import io.shopscale.loadtest.blackfriday.verdict.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportAssemblyTests {

    @Test
    void aCapacityRunIsHeldToItsFirstStepHolding() {
        ObjectiveResult found = ReportAssembly.capacityResult(new Capacity(0.01, 310.5, 31.0, "step-7", "step-8",
                null, "capacity: 310.5 req/s of mix (31 checkouts/s)", List.of(step("step-7", true, List.of()),
                step("step-8", false, List.of("errors 90 of 3000 requests (3% > 1%)")))));

        assertThat(found.passed()).isTrue();
        assertThat(found.measured()).isEqualTo("310.5 req/s of mix at step-7");
        assertThat(found.limit()).isEqualTo("step-7 holds");
        assertThat(found.note()).isEqualTo("step-8 broke: errors 90 of 3000 requests (3% > 1%)");
    }

    @Test
    void whenTheFirstStepBreaksTheObjectiveIsMissed() {
        ObjectiveResult below = ReportAssembly.capacityResult(new Capacity(0.01, null, null, null, "step-1", null,
                "capacity: below the first step", List.of(step("step-1", false, List.of("latency.cart.p99 300.00 ms "
                        + "> 100ms")))));

        assertThat(below.passed()).isFalse();
        assertThat(below.measured()).isEqualTo("below step-1");
        assertThat(below.note()).isEqualTo("step-1 broke: latency.cart.p99 300.00 ms > 100ms");
        assertThat(Verdict.of(List.of(), List.of(below)).exitCode()).isEqualTo(Verdict.OBJECTIVE_MISSED);
    }

    @Test
    void whenEveryStepHeldTheNoteSaysThereMayBeMore() {
        ObjectiveResult all = ReportAssembly.capacityResult(new Capacity(0.01, 80.0, 8.0, "step-1", null, null,
                "capacity: 80 req/s of mix (8 checkouts/s)", List.of(step("step-1", true, List.of()))));

        assertThat(all.passed()).isTrue();
        assertThat(all.note()).contains("every step held");
    }

    private static Capacity.Step step(String name, boolean holds, List<String> reasons) {
        return new Capacity.Step(name, 20, 40, 40, 40, 4, 1000, 0, 0, List.of(), holds, reasons, null);
    }
}

package io.shopscale.loadtest.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTests {

    @Test
    void oneRowWithRatesOutcomesAndSuccessPercentiles() {
        Outcomes outcomes = new Outcomes("202");
        for (int ms = 1; ms <= 100; ms++) {
            outcomes.record("202", ms * 1_000_000L);
        }
        outcomes.record("409", 5_000_000_000L); // a slow refusal stays out of the percentiles
        outcomes.record("timeout", 1);
        outcomes.dropped();

        String table = ResultTable.markdown("offered/s", "50.0", "202/s", outcomes.summary(2.0));

        assertThat(table.split("\n")).containsExactly(
                "| offered/s | 202/s | calls | outcomes | dropped | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |",
                "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
                "| 50.0 | 50.0 | 102 | 202=100, 409=1, timeout=1 | 1 | 50.02 | 90.05 | 99.01 | 100.03 | 100.03 |");
    }

    @Test
    void nothingSucceededGivesZeros() {
        Summary summary = new Outcomes("RESERVED").summary(1.0);

        assertThat(summary.successesPerSecond()).isZero();
        assertThat(summary.percentileMillis(99)).isZero();
        assertThat(summary.countsText()).isEqualTo("none");
    }
}

package io.shopscale.loadtest.report;

import java.math.BigDecimal;

/** One round of one target, so a reader can see how much rounds varied. */
public record RoundSummary(int round, BigDecimal throughput, long count, long errors, BigDecimal p50,
        BigDecimal p99) {
}

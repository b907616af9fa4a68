package io.shopscale.loadtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.shopscale.loadtest.run.Counts;
import io.shopscale.loadtest.run.PhaseResult;
import org.HdrHistogram.Histogram;

/**
 * A target's rounds merged: throughput is all finished requests over all measured time, percentiles come
 * from the merged histogram. {@code generatorCpuCores} is the load generator's own CPU use while measuring
 * this target (1.0 = one core busy), null where unknown.
 */
public record TargetSummary(String name, String url, BigDecimal throughput, long count, long errors,
        BigDecimal errorRate, long late, long dropped, StatusSummary status, Latency latencyMs,
        BigDecimal generatorCpuCores, List<RoundSummary> rounds) {

    /** Merges the phases of one target, which must all belong to it. */
    public static TargetSummary of(String name, String url, List<PhaseResult> phases) {
        Histogram merged = new Histogram(3);
        Counts counts = Counts.ZERO;
        long elapsed = 0;
        long cpu = 0;
        for (PhaseResult phase : phases) {
            merged.add(phase.latencyMicros());
            counts = counts.plus(phase.counts());
            elapsed += phase.elapsedNanos();
            cpu = cpu < 0 || phase.cpuNanos() < 0 ? -1 : cpu + phase.cpuNanos();
        }
        BigDecimal throughput = elapsed == 0 ? BigDecimal.ZERO : perSecond(counts.completed(), elapsed);
        BigDecimal cores = cpu < 0 || elapsed == 0 ? null
                : BigDecimal.valueOf((double) cpu / elapsed).setScale(2, RoundingMode.HALF_UP);
        List<RoundSummary> rounds = phases.stream().map(TargetSummary::round).toList();
        return new TargetSummary(name, url, throughput, counts.completed(), counts.errors(),
                BigDecimal.valueOf(counts.errorRate()).setScale(4, RoundingMode.HALF_UP), counts.late(),
                counts.dropped(), StatusSummary.of(counts), Latency.of(merged), cores, rounds);
    }

    private static RoundSummary round(PhaseResult phase) {
        Histogram h = phase.latencyMicros();
        boolean empty = h.getTotalCount() == 0;
        return new RoundSummary(phase.round(), perSecond(phase.counts().completed(), phase.elapsedNanos()),
                phase.counts().completed(), phase.counts().errors(), empty ? null : Latency.at(h, 50),
                empty ? null : Latency.at(h, 99));
    }

    private static BigDecimal perSecond(long count, long nanos) {
        return nanos <= 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count * 1e9 / nanos).setScale(1, RoundingMode.HALF_UP);
    }
}

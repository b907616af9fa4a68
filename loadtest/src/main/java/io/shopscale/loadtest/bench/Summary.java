package io.shopscale.loadtest.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/** The measured window's outcome counts and the latency (µs) of its successful calls. */
public record Summary(Set<String> successOutcomes, Map<String, Long> counts, long dropped, double windowSeconds,
        Histogram successMicros) {

    public Summary {
        successOutcomes = Set.copyOf(successOutcomes);
        counts = Map.copyOf(counts);
    }

    public long calls() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long successes() {
        return successOutcomes.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
    }

    public double successesPerSecond() {
        return windowSeconds > 0 ? successes() / windowSeconds : 0;
    }

    /** Milliseconds at the percentile, 0 when nothing succeeded. */
    public double percentileMillis(double percentile) {
        return successMicros.getTotalCount() == 0 ? 0 : successMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return successMicros.getTotalCount() == 0 ? 0 : successMicros.getMaxValue() / 1000.0;
    }

    /** "202=1990, 409=3, timeout=1", sorted by outcome. */
    public String countsText() {
        return counts.isEmpty() ? "none" : new TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}

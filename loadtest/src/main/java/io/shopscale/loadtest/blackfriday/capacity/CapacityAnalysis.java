package io.shopscale.loadtest.blackfriday.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shopscale.loadtest.blackfriday.verdict.Objective;
import io.shopscale.loadtest.report.Numbers;
import org.HdrHistogram.Histogram;

/**
 * Finds the capacity of a stepped run: the rate at which the shop still keeps its promises. A step holds when every
 * latency objective (judged on the step's own answers) holds and errors of every kind, 429s included, are at most
 * {@link #ERROR_LIMIT} of its requests: under admission control the platform refuses what it cannot take with a 429,
 * which keeps latency in check but is no answer to the shopper. The steps are taken in order and the first that breaks
 * ends the search; the capacity is the goodput of the last one that held.
 */
public final class CapacityAnalysis {

    /** Errors of every kind a step may have, as a share of its requests. */
    public static final double ERROR_LIMIT = 0.01;

    private final List<Objective> latencyObjectives;
    private final double errorLimit;

    /** @param objectives the run's objectives; only the latency ones are judged per step */
    public CapacityAnalysis(List<Objective> objectives, double errorLimit) {
        this.latencyObjectives = objectives.stream().filter(o -> o.kind() == Objective.Kind.LATENCY).toList();
        this.errorLimit = errorLimit;
    }

    /** @param cpu the watched processes' CPU per phase, or null when none were watched */
    public Capacity analyse(List<StepMeasure> measured, CpuMeter.Use cpu) {
        List<String> names = measured.stream().map(StepMeasure::name).toList();
        List<Capacity.Step> steps = new ArrayList<>();
        Capacity.Step last = null;
        String brokenAt = null;
        for (StepMeasure step : measured) {
            Capacity.Step judged = judge(step, cpu == null ? null : cpu(step, names, cpu));
            steps.add(judged);
            if (brokenAt == null) {
                if (judged.holds()) {
                    last = judged;
                }
                else {
                    brokenAt = judged.name();
                }
            }
        }
        Double capacity = last == null ? null : round(last.goodputPerSecond());
        Double checkouts = last == null ? null : round(last.checkoutsPerSecond());
        return new Capacity(errorLimit, capacity, checkouts, last == null ? null : last.name(), brokenAt,
                last == null ? null : last.cpu(), line(capacity, checkouts, steps), steps);
    }

    private Capacity.Step judge(StepMeasure step, Capacity.Cpu cpu) {
        List<String> reasons = new ArrayList<>();
        List<Capacity.LatencyCheck> checks = new ArrayList<>();
        for (Objective objective : latencyObjectives) {
            Histogram micros = step.latencyMicros().get(objective.endpoint());
            if (micros == null || micros.getTotalCount() == 0) {
                checks.add(new Capacity.LatencyCheck(objective.key(), objective.endpoint(), objective.limit(), null,
                        null));
                continue;
            }
            long value = objective.percentile() >= 100 ? micros.getMaxValue()
                    : micros.getValueAtPercentile(objective.percentile());
            double ms = Math.round(value / 10.0) / 100.0;
            boolean holds = ms <= objective.limit();
            checks.add(new Capacity.LatencyCheck(objective.key(), objective.endpoint(), objective.limit(), ms, holds));
            if (!holds) {
                reasons.add(String.format(Locale.ROOT, "%s %.2f ms > %s", objective.key(), ms,
                        objective.limitText()));
            }
        }
        double errorRate = step.requests() == 0 ? 0 : (double) step.errors() / step.requests();
        if (step.requests() == 0) {
            reasons.add("no requests");
        }
        else if (errorRate > errorLimit) {
            reasons.add(String.format(Locale.ROOT, "errors %s of %d requests (%s > %s)", step.errors(),
                    step.requests(), percent(errorRate), percent(errorLimit)));
        }
        double seconds = step.seconds();
        return new Capacity.Step(step.name(), round(seconds), round(step.targetRate()),
                round(step.offered() / seconds), round(step.good() / seconds), round(step.checkouts() / seconds),
                step.requests(), step.errors(), Math.round(errorRate * 1e6) / 1e6, checks, reasons.isEmpty(), reasons,
                cpu);
    }

    /**
     * The step's CPU per request answered, per process; a process counts only while it could be read for the whole
     * step (one that was lost in an earlier or this step has no value here).
     */
    static Capacity.Cpu cpu(StepMeasure step, List<String> steps, CpuMeter.Use use) {
        int index = steps.indexOf(step.name());
        List<Capacity.ComponentCpu> components = new ArrayList<>();
        double total = 0;
        boolean complete = true;
        for (CpuMeter.ProcessUse process : use.processes()) {
            int lostAt = process.lostIn() == null ? -1 : steps.indexOf(process.lostIn());
            if (process.missingAtStart() || (lostAt >= 0 && lostAt <= index)) {
                components.add(new Capacity.ComponentCpu(process.name(), process.pid(), null, null, process.note()));
                complete = false;
                continue;
            }
            double ms = process.ticksByPhase().getOrDefault(step.name(), 0L) * 1000.0 / use.ticksPerSecond();
            total += ms;
            components.add(new Capacity.ComponentCpu(process.name(), process.pid(), round(ms),
                    perRequest(ms, step.answered()), null));
        }
        return new Capacity.Cpu(step.answered(), complete ? perRequest(total, step.answered()) : null, components);
    }

    private String line(Double capacity, Double checkouts, List<Capacity.Step> steps) {
        if (capacity != null) {
            return "capacity: " + Numbers.trim(capacity) + " req/s of mix (" + Numbers.trim(checkouts)
                    + " checkouts/s)";
        }
        Capacity.Step first = steps.isEmpty() ? null : steps.getFirst();
        return first == null ? "capacity: unknown (no steps)" : "capacity: below the first step (" + first.name()
                + ", " + Numbers.trim(first.offeredPerSecond()) + " req/s of mix offered, broke: "
                + String.join("; ", first.reasons()) + ")";
    }

    private static Double perRequest(double ms, long answered) {
        return answered == 0 ? null : Math.round(ms / answered * 1000) / 1000.0;
    }

    private static String percent(double fraction) {
        return Numbers.trim(Math.round(fraction * 100_000) / 1000.0) + "%";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

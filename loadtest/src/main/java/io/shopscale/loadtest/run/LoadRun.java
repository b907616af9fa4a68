package io.shopscale.loadtest.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan: an unrecorded warmup per target, then the interleaved rounds. Phases run one after another
 * so targets never compete with each other for the machine.
 */
public final class LoadRun {

    private final LoadPlan plan;
    private final Progress progress;

    public LoadRun(LoadPlan plan, Progress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public List<PhaseResult> execute() {
        if (plan.warmup().isPositive()) {
            for (Target target : plan.targets()) {
                progress.warmingUp(target.name(), plan.warmup());
                runPhase(target, 0, plan.warmup());
            }
        }
        List<Phase> phases = Phase.interleaved(plan.targets().size(), plan.rounds());
        List<PhaseResult> results = new ArrayList<>(phases.size());
        for (Phase phase : phases) {
            Target target = plan.targets().get(phase.target());
            progress.measuring(target.name(), phase.round(), plan.rounds());
            PhaseResult result = runPhase(target, phase.round(), plan.duration());
            progress.measured(result);
            results.add(result);
        }
        return results;
    }

    private PhaseResult runPhase(Target target, int round, Duration window) {
        PhaseStats stats = new PhaseStats(plan.expected());
        long cpuBefore = CpuClock.processCpuNanos();
        long elapsed = switch (plan.model()) {
            case LoadModel.Closed closed ->
                    ClosedLoop.run(target, closed.concurrency(), window, plan.seed(), round, stats);
            case LoadModel.Open open -> {
                var picker = new RequestPicker(target.requests(), plan.seed(), round, 0);
                var loop = new OpenLoop(new SystemOpenLoopRuntime(open.maxInFlight()), picker, stats, open.rate());
                yield loop.run(window, plan.timeout().plusSeconds(1));
            }
        };
        long cpuAfter = CpuClock.processCpuNanos();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        return new PhaseResult(target.name(), round, elapsed, stats.histogram(), stats.counts(), cpu);
    }

    /** Hears about the run as it goes, for a progress display. */
    public interface Progress {

        default void warmingUp(String target, Duration warmup) {
        }

        default void measuring(String target, int round, int rounds) {
        }

        default void measured(PhaseResult result) {
        }
    }
}

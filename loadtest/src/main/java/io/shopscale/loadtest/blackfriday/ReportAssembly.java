package io.shopscale.loadtest.blackfriday;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shopscale.loadtest.blackfriday.capacity.Capacity;
import io.shopscale.loadtest.blackfriday.capacity.CapacityAnalysis;
import io.shopscale.loadtest.blackfriday.capacity.CpuMeter;
import io.shopscale.loadtest.blackfriday.capacity.StepMeasure;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.blackfriday.report.Readings;
import io.shopscale.loadtest.blackfriday.report.Results;
import io.shopscale.loadtest.blackfriday.traffic.Traffic;
import io.shopscale.loadtest.blackfriday.verdict.Objective;
import io.shopscale.loadtest.blackfriday.verdict.ObjectiveResult;
import io.shopscale.loadtest.blackfriday.verdict.Verdict;
import io.shopscale.loadtest.blackfriday.workload.Phase;
import io.shopscale.loadtest.blackfriday.workload.Profile;
import io.shopscale.loadtest.blackfriday.workload.Profiles;
import io.shopscale.loadtest.blackfriday.workload.RateCurve;
import io.shopscale.loadtest.cli.DurationText;
import io.shopscale.loadtest.report.Environment;
import io.shopscale.loadtest.report.Numbers;

/** Puts the run's settings, measurements, audit, objectives and verdict into one {@link BenchReport}. */
final class ReportAssembly {

    private final BenchSettings settings;
    private final String timestamp;
    private final Bench.Prepared prepared;
    private final RateCurve curve;
    private final Environment environment = Environment.current();

    ReportAssembly(BenchSettings settings, String timestamp, Bench.Prepared prepared, RateCurve curve) {
        this.settings = settings;
        this.timestamp = timestamp;
        this.prepared = prepared;
        this.curve = curve;
    }

    /** @param cpu the watched processes' CPU time per phase, or null when none were watched */
    BenchReport assemble(Traffic.Result result, BenchReport.Audit audit, CpuMeter.Use cpu) {
        Profile profile = settings.profile();
        Capacity capacity = settings.capacityRun() ? capacity(result, cpu) : null;
        List<ObjectiveResult> objectives;
        if (capacity != null) {
            // The search breaks the objectives at its top on purpose: they are judged per step, and what the run is
            // held to is that its first step kept them.
            objectives = List.of(capacityResult(capacity));
        }
        else {
            Readings readings = new Readings(result.measurements(), result.orders(), result.abandoned());
            objectives = settings.objectives().stream().map((Objective objective) -> objective.evaluate(readings))
                    .toList();
        }
        Verdict verdict = Verdict.of(audit.checks(), objectives);
        BenchReport.Run run = new BenchReport.Run(profile.name(), profile.description(), profile.baseRate(),
                prepared.shoppers().size(), settings.seed(), settings.arrivals().name().toLowerCase(Locale.ROOT),
                settings.maxInFlight(), DurationText.format(settings.timeout()),
                DurationText.format(profile.drainTimeout()), settings.flashStock(), settings.resendShare(),
                round(result.loadSeconds()), round(result.settleSeconds()), result.abandoned(), settings.command());
        return new BenchReport(tool(), timestamp, environment, run, phases(profile), prepared.setup(),
                Results.endpoints(result.measurements(), result.loadSeconds()), Results.orders(result.orders()),
                result.timeline(), audit, capacity, objectives, verdict);
    }

    private Capacity capacity(Traffic.Result result, CpuMeter.Use cpu) {
        Profile profile = settings.profile();
        List<StepMeasure> steps = profile.phases().stream()
                .filter(phase -> phase.name().startsWith(Profiles.STEP_PREFIX))
                .map(phase -> StepMeasure.of(result.measurements(),
                phase.name(), phase.seconds(), phase.to() * profile.baseRate())).toList();
        return new CapacityAnalysis(settings.objectives(), CapacityAnalysis.ERROR_LIMIT).analyse(steps, cpu);
    }

    static ObjectiveResult capacityResult(Capacity capacity) {
        String first = capacity.steps().isEmpty() ? "the first step" : capacity.steps().getFirst().name();
        String measured = capacity.capacity() == null ? "below " + first
                : Numbers.trim(capacity.capacity()) + " req/s of mix at " + capacity.step();
        String note = capacity.brokenAt() == null ? "every step held: the platform may take more (raise --rate)"
                : capacity.brokenAt() + " broke: " + String.join("; ", capacity.steps().stream()
                        .filter(step -> step.name().equals(capacity.brokenAt())).findFirst().orElseThrow().reasons());
        return new ObjectiveResult("capacity", first + " holds", measured, capacity.capacity() != null, note);
    }

    private List<BenchReport.PhaseSpan> phases(Profile profile) {
        List<BenchReport.PhaseSpan> spans = new ArrayList<>();
        for (int i = 0; i < profile.phases().size(); i++) {
            Phase phase = profile.phases().get(i);
            spans.add(new BenchReport.PhaseSpan(phase.name(), round(curve.startOf(i)), round(phase.seconds()),
                    round(phase.from() * profile.baseRate()), round(phase.to() * profile.baseRate()),
                    phase.flashSale()));
        }
        return spans;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String tool() {
        String version = ReportAssembly.class.getPackage().getImplementationVersion();
        return "shopscale-loadtest " + (version == null ? "dev" : version) + " bench";
    }
}

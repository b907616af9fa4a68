package io.shopscale.loadtest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.shopscale.loadtest.report.ConsoleReport;
import io.shopscale.loadtest.report.Environment;
import io.shopscale.loadtest.report.JsonReport;
import io.shopscale.loadtest.report.MarkdownReport;
import io.shopscale.loadtest.report.RunParameters;
import io.shopscale.loadtest.report.RunReport;
import io.shopscale.loadtest.report.TargetSummary;
import io.shopscale.loadtest.run.LoadModel;
import io.shopscale.loadtest.run.LoadPlan;
import io.shopscale.loadtest.run.LoadRun;
import io.shopscale.loadtest.run.PhaseResult;
import io.shopscale.loadtest.run.Target;

/** Runs prepared targets, prints the report, writes the JSON file and decides the exit code. */
public final class Measurement {

    public static final int OK = 0;
    public static final int TOO_MANY_ERRORS = 1;

    private final Settings settings;
    private final int idCount;
    private final PrintWriter out;
    private final PrintWriter err;

    public Measurement(Settings settings, int idCount, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.idCount = idCount;
        this.out = out;
        this.err = err;
    }

    public int run(List<Target> targets) throws IOException {
        LoadPlan plan = new LoadPlan(targets, settings.model(), settings.duration(), settings.rounds(),
                settings.warmup(), settings.seed(), settings.timeout(), settings.expected());
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Environment environment = Environment.current();
        List<PhaseResult> phases = new LoadRun(plan, new ConsoleProgress(err)).execute();
        List<TargetSummary> summaries = targets.stream()
                .map(t -> TargetSummary.of(t.name(), t.urlTemplate(),
                        phases.stream().filter(p -> p.target().equals(t.name())).toList()))
                .toList();
        RunReport report = new RunReport(tool(), timestamp, environment, parameters(), summaries);
        err.println();
        err.flush();
        out.print(settings.markdown() ? MarkdownReport.render(report) : ConsoleReport.render(report));
        out.flush();
        if (settings.json() != null) {
            JsonReport.write(report, settings.json());
            err.println("wrote " + settings.json());
            err.flush();
        }
        return verdict(report);
    }

    private int verdict(RunReport report) {
        Double limit = settings.maxErrorRate();
        if (limit == null) {
            return OK;
        }
        int code = OK;
        for (TargetSummary target : report.targets()) {
            // From the counts, not the rounded figure in the report, so that 0 really means none.
            long attempted = target.count() + target.dropped();
            double rate = attempted == 0 ? 0 : (double) (target.errors() + target.dropped()) / attempted;
            if (rate > limit) {
                err.printf("FAILED: %s error rate %s is above --max-error-rate %s%n", target.name(), percent(rate),
                        percent(limit));
                code = TOO_MANY_ERRORS;
            }
        }
        err.flush();
        return code;
    }

    private RunParameters parameters() {
        Settings s = settings;
        Integer concurrency = s.model() instanceof LoadModel.Closed c ? c.concurrency() : null;
        Double rate = s.model() instanceof LoadModel.Open o ? o.rate() : null;
        Integer maxInFlight = s.model() instanceof LoadModel.Open o ? o.maxInFlight() : null;
        String idsSource = s.idsFrom() != null ? s.idsFrom().toString() : s.ids().isEmpty() ? null : "--ids";
        return new RunParameters(concurrency != null ? "closed" : "open", concurrency, rate, maxInFlight,
                DurationText.format(s.duration()), s.rounds(), DurationText.format(s.warmup()),
                s.targets().size() > 1 ? "ABBA" : "single target", s.seed(), DurationText.format(s.timeout()),
                idCount, idsSource, s.headers().stream().map(Header::shown).toList(), s.expected().toString(),
                s.maxErrorRate(), s.client().name().toLowerCase(Locale.ROOT), CommandText.of(s));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String tool() {
        String version = Measurement.class.getPackage().getImplementationVersion();
        return "shopscale-loadtest " + (version == null ? "dev" : version);
    }
}

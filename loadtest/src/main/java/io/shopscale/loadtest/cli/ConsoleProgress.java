package io.shopscale.loadtest.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import io.shopscale.loadtest.report.Latency;
import io.shopscale.loadtest.run.LoadRun;
import io.shopscale.loadtest.run.PhaseResult;

/** One line per phase on the error stream, so stdout stays clean for the report. */
final class ConsoleProgress implements LoadRun.Progress {

    private final PrintWriter err;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void warmingUp(String target, Duration warmup) {
        err.printf("warmup   %s for %s (not recorded)%n", target, DurationText.format(warmup));
        err.flush();
    }

    @Override
    public void measuring(String target, int round, int rounds) {
        err.printf("round %d/%d %s … ", round, rounds, target);
        err.flush();
    }

    @Override
    public void measured(PhaseResult result) {
        Latency latency = Latency.of(result.latencyMicros());
        err.printf(Locale.ROOT, "%.1f req/s, %d errors, p99 %s ms%n", result.throughput(), result.counts().errors(),
                latency.p99() == null ? "-" : latency.p99().toPlainString());
        err.flush();
    }
}

package io.shopscale.loadtest.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The table for a terminal, followed by per-target details and warnings about the measurement itself. */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static String render(RunReport report) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append(report.context()).append(nl).append(nl);
        out.append(ResultTable.of(report).text()).append(nl);
        for (TargetSummary target : report.targets()) {
            out.append(target.name()).append(": ").append(target.status().compact());
            out.append("; req/s by round ").append(target.rounds().stream()
                    .map(r -> r.throughput().toPlainString()).collect(Collectors.joining(" / ")));
            if (target.generatorCpuCores() != null) {
                out.append("; load generator CPU ").append(target.generatorCpuCores()).append(" cores");
            }
            out.append(nl);
        }
        warnings(report).forEach(w -> out.append("warning: ").append(w).append(nl));
        return out.toString();
    }

    private static List<String> warnings(RunReport report) {
        List<String> warnings = new ArrayList<>();
        int cores = report.environment().cores();
        if (report.environment().wasBusy()) {
            warnings.add("the machine was already busy before the run (load average %s on %d cores); "
                    .formatted(report.environment().loadAverage(), cores) + "expect noisier numbers");
        }
        for (TargetSummary target : report.targets()) {
            // A few late sends are timer and scheduler jitter; more than one in a thousand is a finding.
            if (target.dropped() > 0 || target.late() * 1000 > target.count()) {
                warnings.add("%s fell behind the schedule: %d requests sent over 1 ms late, %d dropped; "
                        .formatted(target.name(), target.late(), target.dropped())
                        + "its latencies include that delay, whether the target or the generator caused it");
            }
            BigDecimal cpu = target.generatorCpuCores();
            if (cpu != null && cpu.doubleValue() >= cores * 0.5) {
                warnings.add("while measuring %s the load generator itself used %s of %d cores; the target "
                        .formatted(target.name(), cpu, cores) + "had what was left");
            }
        }
        return warnings;
    }
}

package io.shopscale.loadtest.blackfriday.drill;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.shopscale.loadtest.blackfriday.audit.AuditFacts;
import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.report.BenchConsole;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.report.Numbers;
import io.shopscale.loadtest.report.Table;

/** A drill on the terminal: the load, the fault, recovery and drain, the windows, the endpoints, every check. */
final class DrillConsole {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DrillConsole() {
    }

    static String render(DrillReport drill, BenchReport bench) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        DrillReport.Fault fault = drill.fault();
        out.append("drill ").append(fault.name() == null ? "(no fault named)" : fault.name());
        if (fault.what() != null) {
            out.append(": ").append(fault.what());
        }
        out.append(nl).append(nl);
        DrillReport.Load load = drill.load();
        out.append(String.format(Locale.ROOT, "load      %s profile at %s/s, %d shoppers, seed %d: %.1f s from %s, "
                + "%d requests%n", load.profile(), Numbers.trim(load.rate()), load.shoppers(), load.seed(),
                load.seconds(), time(load.startedAt()), load.requests()));
        out.append("          outcomes ").append(outcomes(load.outcomes())).append(nl);
        out.append("fault     ").append(faultLine(fault)).append(nl);
        if (bench.audit().facts() != null) {
            out.append("orders    ").append(ordersLine(bench.audit().facts())).append(nl);
        }
        out.append("recovery  ").append(recoveryLine(drill.recovery())).append(nl);
        out.append("drain     ").append(drainLine(drill.drain())).append(nl).append(nl);
        out.append(windowTable(drill.windows()).text()).append(nl);
        out.append(BenchConsole.endpointTable(bench).text()).append(nl);
        out.append("checks").append(nl);
        bench.audit().problems().forEach(problem -> out.append("  problem    ").append(problem).append(nl));
        for (Check check : drill.checks()) {
            out.append(String.format(Locale.ROOT, "  %-10s %-30s %s%n", check.status(), check.name(),
                    check.detail()));
            if (check.failed()) {
                check.examples().stream().limit(3).forEach(example -> out.append("             ").append(example)
                        .append(nl));
            }
        }
        out.append(nl).append(drill.passed() ? "PASSED" : "FAILED").append(" (exit ").append(drill.exitCode())
                .append(')').append(nl);
        return out.toString();
    }

    static String faultLine(DrillReport.Fault fault) {
        StringBuilder line = new StringBuilder();
        if (fault.injectedAt() == null) {
            line.append("never injected");
        }
        else {
            line.append("injected ").append(time(fault.injectedAt()));
            if (fault.healedAt() == null) {
                line.append(", never healed");
            }
            else {
                line.append(", healed ").append(time(fault.healedAt())).append(": ")
                        .append(String.format(Locale.ROOT, "%.1f s", fault.seconds()));
            }
        }
        if (fault.failure() != null) {
            line.append(" (").append(fault.failure()).append(')');
        }
        return line.toString();
    }

    /** The run's orders as the database has them: what the fault did to the shoppers who got a 202. */
    static String ordersLine(AuditFacts facts) {
        String reasons = facts.cancelReasons().isEmpty() ? ""
                : " (" + facts.cancelReasons().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")) + ")";
        return String.format(Locale.ROOT, "%d stored: %d confirmed, %d cancelled%s, %d pending", facts.stored(),
                facts.confirmed(), facts.cancelled(), reasons, facts.pending());
    }

    static String recoveryLine(DrillReport.Recovery recovery) {
        String first = recovery.firstAcceptedAfterHealing() == null
                ? "no checkout accepted after healing"
                : String.format(Locale.ROOT, "first checkout accepted %.1f s after healing",
                        recovery.firstAcceptedAfterHealing());
        return String.format(Locale.ROOT, "%s; longest stretch without an accepted checkout %.1f s (%s to %s); "
                + "%d checkouts accepted during the fault", first, recovery.longestWithoutAccepted(),
                time(recovery.longestWithoutAcceptedFrom()), time(recovery.longestWithoutAcceptedTo()),
                recovery.acceptedDuringFault());
    }

    static String drainLine(DrillReport.Drain drain) {
        String heldOver = drain.heldOver() == 0 ? "no order placed before healing was left to finish after it"
                : drain.heldOverFinal() == null
                ? String.format(Locale.ROOT, "%d orders placed before healing were left to finish after it, %d never "
                        + "did", drain.heldOver(), drain.heldOverNotFinal())
                : String.format(Locale.ROOT, "%d orders placed before healing were left to finish after it, the last "
                        + "%.1f s after healing", drain.heldOver(), drain.heldOverFinal());
        String settled = !drain.drained() ? "not drained: " + drain.remaining()
                : String.format(Locale.ROOT, "every order of the run final and nothing left to do %s, %.1f s after "
                        + "the load ended", drain.afterHealing() == null ? "(never healed)"
                        : String.format(Locale.ROOT, "%.1f s after healing", drain.afterHealing()), drain.afterLoad());
        return heldOver + ";" + System.lineSeparator() + "          " + settled;
    }

    private static Table windowTable(List<DrillReport.Window> windows) {
        List<String> header = List.of("window", "from", "to", "requests", "outcomes", "checkouts",
                "checkout outcomes");
        boolean[] right = new boolean[header.size()];
        Arrays.fill(right, false);
        right[3] = true;
        right[5] = true;
        Table table = new Table(header, right);
        for (DrillReport.Window window : windows) {
            table.row(List.of(window.name(), time(window.from()), window.to() == null ? "-" : time(window.to()),
                    Long.toString(window.requests()), outcomes(window.outcomes()), Long.toString(window.checkouts()),
                    outcomes(window.checkoutOutcomes())));
        }
        return table;
    }

    static String outcomes(Map<String, Long> outcomes) {
        return outcomes.isEmpty() ? "-" : outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}

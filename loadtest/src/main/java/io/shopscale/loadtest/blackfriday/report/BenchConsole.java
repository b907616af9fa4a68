package io.shopscale.loadtest.blackfriday.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.verdict.ObjectiveResult;
import io.shopscale.loadtest.report.Latency;
import io.shopscale.loadtest.report.Numbers;
import io.shopscale.loadtest.report.Table;

/** The short summary for a terminal: per endpoint rate, percentiles and outcomes, then the verdict line by line. */
public final class BenchConsole {

    private BenchConsole() {
    }

    public static String render(BenchReport report) {
        String nl = System.lineSeparator();
        BenchReport.Run run = report.run();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %.0f s of load, base rate %s/s, %d shoppers, seed %d, %s "
                + "arrivals; settled for %.0f s%n%n", run.profile(), run.loadSeconds(), Numbers.trim(run.baseRate()),
                run.users(), run.seed(), run.arrivals(), run.settleSeconds()));
        out.append(endpointTable(report).text()).append(nl);
        BenchReport.Orders orders = report.orders();
        out.append(String.format(Locale.ROOT, "orders: %d accepted, %d seen confirmed, %d seen cancelled, %d never "
                + "seen final; 202 to final p50 %s ms, p99 %s ms%n", orders.accepted(), orders.seenConfirmed(),
                orders.seenCancelled(), orders.neverSeenFinal(), Numbers.millis(orders.acceptedToFinalMs().p50()),
                Numbers.millis(orders.acceptedToFinalMs().p99())));
        out.append(nl).append("invariants").append(nl);
        report.audit().problems().forEach(p -> out.append("  problem  ").append(p).append(nl));
        for (Check check : report.audit().checks()) {
            out.append(String.format(Locale.ROOT, "  %-10s %-30s %s%n", check.status(), check.name(),
                    check.detail()));
        }
        out.append("objectives").append(nl);
        for (ObjectiveResult objective : report.objectives()) {
            out.append(String.format(Locale.ROOT, "  %-10s %-30s %s, limit %s%s%n", objective.passed() ? "PASS"
                    : "FAIL", objective.name(), objective.measured(), objective.limit(),
                    objective.note() == null ? "" : " (" + objective.note() + ")"));
        }
        out.append(nl).append(report.verdict().passed() ? "PASSED" : "FAILED").append(" (exit ")
                .append(report.verdict().exitCode()).append(')').append(nl);
        return out.toString();
    }

    public static Table endpointTable(BenchReport report) {
        List<String> header = List.of("endpoint", "req/s", "requests", "errors", "p50 ms", "p95 ms", "p99 ms",
                "p99.9 ms", "max ms", "outcomes");
        boolean[] right = new boolean[header.size()];
        Arrays.fill(right, 1, header.size() - 1, true);
        Table table = new Table(header, right);
        for (BenchReport.EndpointResult endpoint : report.endpoints()) {
            Latency l = endpoint.latencyMs();
            List<String> row = new ArrayList<>(List.of(endpoint.name(), Numbers.trim(endpoint.perSecond()),
                    Long.toString(endpoint.requests()), Long.toString(endpoint.errors()), Numbers.millis(l.p50()),
                    Numbers.millis(l.p95()), Numbers.millis(l.p99()), Numbers.millis(l.p999()),
                    Numbers.millis(l.max())));
            row.add(endpoint.statuses().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
            table.row(row);
        }
        return table;
    }
}

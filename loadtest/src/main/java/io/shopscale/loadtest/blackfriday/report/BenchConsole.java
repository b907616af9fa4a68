package io.shopscale.loadtest.blackfriday.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.capacity.Capacity;
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
        if (report.capacity() != null) {
            out.append(nl).append(capacity(report.capacity()));
        }
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

    /**
     * The capacity run's steps, its one-line result and what ended the search, then CPU per request answered by
     * process and step when processes were watched.
     */
    static String capacity(Capacity capacity) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "capacity steps (a step holds when every latency objective holds and "
                + "at most %s%% of its requests fail, 429s and drops included)%n",
                Numbers.trim(capacity.errorLimit() * 100)));
        List<String> header = List.of("step", "target/s", "offered/s", "goodput/s", "checkouts/s", "worst latency",
                "errors", "holds");
        boolean[] right = {false, true, true, true, true, false, true, false};
        Table table = new Table(header, right);
        for (Capacity.Step step : capacity.steps()) {
            Capacity.LatencyCheck worst = step.worst();
            table.row(List.of(step.name(), Numbers.trim(step.targetRate()), Numbers.trim(step.offeredPerSecond()),
                    Numbers.trim(step.goodputPerSecond()), Numbers.trim(step.checkoutsPerSecond()),
                    worst == null ? "-" : worst.objective().replaceFirst("^latency\\.", "") + " "
                            + Numbers.trim(Math.round(worst.ms() * 10) / 10.0) + "/" + Numbers.trim(worst.limitMs())
                            + " ms", percent(step.errorRate()), step.holds() ? "yes" : "no"));
        }
        out.append(table.text());
        out.append(capacity.line()).append(nl);
        if (capacity.brokenAt() == null) {
            out.append("every step held: the platform may take more (raise --rate)").append(nl);
        }
        else {
            capacity.steps().stream().filter(step -> step.name().equals(capacity.brokenAt())).findFirst()
                    .ifPresent(step -> out.append(step.name()).append(" broke: ")
                            .append(String.join("; ", step.reasons())).append(nl));
        }
        if (capacity.steps().stream().anyMatch(step -> step.cpu() != null)) {
            out.append(nl).append(cpuTable(capacity).text());
            capacity.steps().getLast().cpu().components().stream().filter(component -> component.note() != null)
                    .forEach(component -> out.append(String.format(Locale.ROOT, "%s (pid %d): %s%n",
                            component.name(), component.pid(), component.note())));
        }
        return out.toString();
    }

    private static Table cpuTable(Capacity capacity) {
        List<String> header = new ArrayList<>(List.of("CPU ms/request"));
        capacity.steps().forEach(step -> header.add(step.name()));
        boolean[] right = new boolean[header.size()];
        Arrays.fill(right, 1, header.size(), true);
        Table table = new Table(header, right);
        List<Capacity.ComponentCpu> components = capacity.steps().getFirst().cpu().components();
        for (int i = 0; i < components.size(); i++) {
            int index = i;
            List<String> row = new ArrayList<>(List.of(components.get(i).name()));
            capacity.steps().forEach(step -> row.add(cpu(step.cpu().components().get(index).msPerRequest(),
                    step.cpu().components().get(index).note() == null ? "-" : "gone")));
            table.row(row);
        }
        List<String> total = new ArrayList<>(List.of("total"));
        capacity.steps().forEach(step -> total.add(cpu(step.cpu().msPerRequest(), "-")));
        table.row(total);
        List<String> answered = new ArrayList<>(List.of("requests answered"));
        capacity.steps().forEach(step -> answered.add(Long.toString(step.cpu().answered())));
        table.row(answered);
        return table;
    }

    private static String cpu(Double msPerRequest, String none) {
        return msPerRequest == null ? none : String.format(Locale.ROOT, "%.3f", msPerRequest);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
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

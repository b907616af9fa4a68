package io.shopscale.loadtest.blackfriday.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.shopscale.loadtest.blackfriday.audit.AuditFacts;
import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.audit.StockLevel;
import io.shopscale.loadtest.blackfriday.verdict.ObjectiveResult;
import io.shopscale.loadtest.report.Latency;
import io.shopscale.loadtest.report.Numbers;

/**
 * {@code report.html}: one self-contained page, charts as inline SVG and styles inline, so it opens offline and can
 * be mailed or archived as it is. No script and nothing fetched.
 */
public final class BenchHtml {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:920px;\
            color:#1f2328;padding:0 16px}h1{font-size:22px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid \
            #d0d7de;padding-bottom:4px}table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{padding:3px \
            8px;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}td.num{text-align:right;\
            font-variant-numeric:tabular-nums}.verdict{font-size:18px;font-weight:600;padding:8px 12px;\
            border-radius:6px}.verdict.pass{background:#dafbe1}.verdict.fail{background:#ffebe9}.status{font-weight:\
            600}.status.pass{color:#1a7f37}.status.fail,.status.unverified{color:#cf222e}.status.incident{color:\
            #9a6700}svg.chart{max-width:100%;height:auto}svg .grid{stroke:#eaeef2}svg .axis{stroke:#8c959f}svg text\
            {font:11px system-ui,sans-serif;fill:#57606a}svg .label{fill:#1f2328}svg .band{fill:#8c959f}\
            code{font-size:12px;word-break:break-all}.muted{color:#57606a}""";

    private BenchHtml() {
    }

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder(64 * 1024);
        BenchReport.Run run = report.run();
        out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ShopScale bench: ")
                .append(Html.escape(run.profile())).append(", ").append(Html.escape(report.timestamp()))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        out.append("<h1>ShopScale benchmark: ").append(Html.escape(run.profile())).append("</h1>");
        out.append("<p class=\"verdict ").append(report.verdict().passed() ? "pass\">PASSED" : "fail\">FAILED")
                .append(" (exit ").append(report.verdict().exitCode()).append(")</p>");
        out.append("<p class=\"muted\">").append(Html.escape(run.description())).append(". Base rate ")
                .append(Numbers.trim(run.baseRate())).append("/s, ").append(run.users()).append(" shoppers, seed ")
                .append(run.seed()).append(", ").append(Html.escape(run.arrivals())).append(" arrivals; load ")
                .append(seconds(run.loadSeconds())).append(", settling ").append(seconds(run.settleSeconds()))
                .append(". ").append(Html.escape(report.timestamp())).append(".</p>");
        verdict(out, report);
        timeCharts(out, report);
        endpoints(out, report);
        errors(out, report);
        orders(out, report);
        stock(out, report);
        setup(out, report);
        return out.append("</body></html>\n").toString();
    }

    private static void verdict(StringBuilder out, BenchReport report) {
        out.append("<h2>Invariants</h2><p class=\"muted\">Read from the stores and the payment provider after the "
                + "platform settled").append(report.audit().settled() ? ""
                : report.audit().stillPending() == null ? " (whether it settled could not be read)"
                : " (it did not settle in time: " + Html.escape(report.audit().stillPending().describe())
                        + " still in motion)")
                .append(".</p>");
        report.audit().problems().forEach(p -> out.append("<p class=\"status fail\">").append(Html.escape(p))
                .append("</p>"));
        out.append("<table><thead><tr><th>invariant</th><th>status</th><th>found</th><th>rule</th></tr></thead>"
                + "<tbody>");
        for (Check check : report.audit().checks()) {
            out.append("<tr><td>").append(Html.escape(check.name())).append("</td><td>")
                    .append(Html.status(check.status().name())).append("</td><td>").append(Html.escape(check.detail()));
            check.examples().forEach(e -> out.append("<br><code>").append(Html.escape(e)).append("</code>"));
            out.append("</td><td>").append(Html.escape(check.rule())).append("</td></tr>");
        }
        out.append("</tbody></table><h2>Objectives</h2><table><thead><tr><th>objective</th><th>limit</th>"
                + "<th>measured</th><th>status</th></tr></thead><tbody>");
        for (ObjectiveResult objective : report.objectives()) {
            out.append("<tr><td>").append(Html.escape(objective.name())).append("</td><td class=\"num\">")
                    .append(Html.escape(objective.limit())).append("</td><td class=\"num\">")
                    .append(Html.escape(objective.measured()))
                    .append(objective.note() == null ? "" : " <span class=\"muted\">(" + Html.escape(objective.note())
                            + ")</span>")
                    .append("</td><td>").append(Html.status(objective.passed() ? "PASS" : "FAIL")).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void timeCharts(StringBuilder out, BenchReport report) {
        out.append("<h2>Throughput</h2><p class=\"muted\">Per second: arrivals due by the schedule; answers, "
                + "order polls and resends included; errors. Shaded: the profile's phases (the flash sale "
                + "highlighted), then settling.</p>").append(Charts.throughput(report));
        out.append("<h2>Latency over time</h2><p class=\"muted\">Per second, of the answers measured in it, from "
                + "their scheduled send times.</p>").append(Charts.latency(report));
        out.append("<h2>Backlog of pending orders</h2><p class=\"muted\">Accepted orders their owners have not yet "
                + "seen CONFIRMED or CANCELLED, and requests in flight.</p>").append(Charts.backlog(report));
    }

    private static void endpoints(StringBuilder out, BenchReport report) {
        out.append("<h2>Latency by endpoint</h2><p class=\"muted\">Measured answers only (checkout: 202; flash "
                + "checkout: 202 and 409), from the scheduled send time; rate over the load window.</p>");
        List<List<String>> rows = new ArrayList<>();
        LineChart chart = Charts.distribution("Latency distribution by endpoint");
        for (BenchReport.EndpointResult endpoint : report.endpoints()) {
            Latency l = endpoint.latencyMs();
            rows.add(List.of(endpoint.name(), endpoint.request(), Numbers.trim(endpoint.perSecond()),
                    Long.toString(endpoint.requests()), Numbers.millis(l.p50()), Numbers.millis(l.p95()),
                    Numbers.millis(l.p99()), Numbers.millis(l.p999()), Numbers.millis(l.max())));
            Charts.add(chart, endpoint.name(), endpoint.distribution());
        }
        out.append(Html.table(List.of("endpoint", "request", "req/s", "requests", "p50 ms", "p95 ms", "p99 ms",
                "p99.9 ms", "max ms"), rows));
        out.append(chart.svg());
    }

    private static void errors(StringBuilder out, BenchReport report) {
        out.append("<h2>Errors by endpoint and status</h2><p class=\"muted\">Every outcome counted. Errors are "
                + "answers outside an endpoint's normal ones (a 409 at checkout is out of stock: normal), timeouts, "
                + "broken connections and requests dropped because too many were in flight.</p>");
        TreeSet<String> outcomes = new TreeSet<>();
        report.endpoints().forEach(e -> outcomes.addAll(e.statuses().keySet()));
        List<String> header = new ArrayList<>(List.of("endpoint", "errors", "error rate"));
        header.addAll(outcomes);
        List<List<String>> rows = new ArrayList<>();
        for (BenchReport.EndpointResult endpoint : report.endpoints()) {
            List<String> row = new ArrayList<>(List.of(endpoint.name(), Long.toString(endpoint.errors()),
                    percent(endpoint.errorRate())));
            outcomes.forEach(o -> row.add(Long.toString(endpoint.statuses().getOrDefault(o, 0L))));
            rows.add(row);
        }
        out.append(Html.table(header, rows));
        if (report.run().abandoned() > 0) {
            out.append("<p>").append(report.run().abandoned()).append(" requests were still unanswered well past "
                    + "their timeout when the run ended; they count as errors.</p>");
        }
    }

    private static void orders(StringBuilder out, BenchReport report) {
        BenchReport.Orders orders = report.orders();
        AuditFacts facts = report.audit().facts();
        out.append("<h2>From 202 to final status</h2><p class=\"muted\">Polled by the owner (resolution: the poll "
                + "interval, 250 ms backing off to 5 s); the database's own timestamps beside it.</p>");
        List<List<String>> rows = new ArrayList<>();
        rows.add(latencyRow("polled by the owner", orders.acceptedToFinalMs()));
        if (facts != null) {
            rows.add(latencyRow("placed_at to updated_at (database)", facts.placedToFinalMs()));
        }
        out.append(Html.table(List.of("measured", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"), rows));
        out.append("<p>").append(orders.accepted()).append(" orders accepted; seen ").append(orders.seenConfirmed())
                .append(" confirmed, ").append(orders.seenCancelled()).append(" cancelled, ")
                .append(orders.neverSeenFinal()).append(" never seen final.");
        if (facts != null) {
            out.append(" The database holds ").append(facts.stored()).append(" orders of the run: ")
                    .append(facts.confirmed()).append(" confirmed, ").append(facts.cancelled()).append(" cancelled")
                    .append(facts.cancelReasons().isEmpty() ? "" : " (" + Html.escape(facts.cancelReasons().entrySet()
                            .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                            + ")")
                    .append(", ").append(facts.pending()).append(" pending; ").append(facts.unseen())
                    .append(" of the shoppers' were never answered 202 (the answer timed out or was lost)")
                    .append(facts.others() == 0 ? "" : "; " + facts.others() + " were placed by others during the run, "
                            + "or placed before it and finished during it")
                    .append(facts.refundedCharges() == 0 ? "" : "; the provider refunded " + facts.refundedCharges()
                            + " charges")
                    .append('.');
        }
        out.append("</p>");
        if (!orders.distribution().isEmpty()) {
            LineChart chart = Charts.distribution("Time from 202 to final status");
            Charts.add(chart, "polled by the owner", orders.distribution());
            out.append(chart.svg());
        }
    }

    private static void stock(StringBuilder out, BenchReport report) {
        AuditFacts facts = report.audit().facts();
        if (facts == null || facts.hotSkus().isEmpty()) {
            return;
        }
        out.append("<h2>Flash-sale stock</h2><p class=\"muted\">The hot SKUs before the load (after the reset) and "
                + "after settling. ").append(facts.unitsSold()).append(" units sold over all SKUs.</p>");
        List<List<String>> rows = new ArrayList<>();
        for (AuditFacts.HotSku hot : facts.hotSkus()) {
            rows.add(List.of(hot.sku(), level(hot.before()), hot.after() == null ? "gone" : level(hot.after())));
        }
        out.append(Html.table(List.of("SKU", "before: available / reserved / sold", "after"), rows));
    }

    private static void setup(StringBuilder out, BenchReport report) {
        BenchReport.Setup setup = report.setup();
        var env = report.environment();
        out.append("<h2>Setup and environment</h2><p>").append(setup.shoppers()).append(" shoppers registered in ")
                .append(seconds(setup.seconds())).append(" (").append(setup.rateLimited())
                .append(" answers 429 waited out, ").append(seconds(setup.waitedSeconds())).append("); ")
                .append(setup.products()).append(" products; hot SKUs ").append(Html.escape(String.join(", ",
                        setup.hotSkus()))).append(setup.hotStockReset() ? ", stock reset to "
                        + report.run().flashStock() + " each" : ", stock not reset (no admin password)")
                .append(".</p><p>").append(Html.escape(report.tool())).append("; JDK ").append(Html.escape(env.jdk()))
                .append("; ").append(env.cores()).append(" cores; load average before ")
                .append(env.loadAverage() == null ? "-" : env.loadAverage().toPlainString()).append(".</p><p><code>")
                .append(Html.escape(report.run().command())).append("</code></p>");
    }

    private static List<String> latencyRow(String name, Latency l) {
        return List.of(name, Numbers.millis(l.p50()), Numbers.millis(l.p95()), Numbers.millis(l.p99()),
                Numbers.millis(l.p999()), Numbers.millis(l.max()));
    }

    private static String level(StockLevel level) {
        return level.available() + " / " + level.reserved() + " / " + level.sold();
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }
}

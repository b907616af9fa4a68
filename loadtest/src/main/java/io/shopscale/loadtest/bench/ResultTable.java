package io.shopscale.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Markdown table row per run: the load it was given, what succeeded per second, every outcome and the
 * success latency percentiles. Scripts read columns by their header, so the headers are part of the contract.
 */
public final class ResultTable {

    private static final List<String> LATENCY = List.of("p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");

    private ResultTable() {
    }

    /**
     * @param load    header and value of the load column, e.g. "offered/s" and "100.0"
     * @param rate    header of the successes-per-second column, e.g. "202/s"
     */
    public static String markdown(String loadHeader, String load, String rate, Summary summary) {
        List<String> header = new ArrayList<>(List.of(loadHeader, rate, "calls", "outcomes", "dropped"));
        header.addAll(LATENCY);
        List<String> row = new ArrayList<>(List.of(load, number(summary.successesPerSecond(), 1),
                Long.toString(summary.calls()), summary.countsText(), Long.toString(summary.dropped())));
        row.add(number(summary.percentileMillis(50), 2));
        row.add(number(summary.percentileMillis(90), 2));
        row.add(number(summary.percentileMillis(99), 2));
        row.add(number(summary.percentileMillis(99.9), 2));
        row.add(number(summary.maxMillis(), 2));
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 3 ? " --- |" : " ---: |");
        }
        out.append('\n');
        line(out, row);
        return out.toString();
    }

    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        out.append('\n');
    }
}

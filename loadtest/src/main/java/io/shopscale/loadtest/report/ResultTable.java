package io.shopscale.loadtest.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The per-target numbers as a {@link Table}; late and dropped columns appear for the open model only. */
final class ResultTable {

    private ResultTable() {
    }

    static Table of(RunReport report) {
        boolean open = report.parameters().open();
        List<String> header = new ArrayList<>(List.of("target", "req/s", "requests", "errors"));
        if (open) {
            header.addAll(List.of("late", "dropped"));
        }
        header.addAll(List.of("p50 ms", "p90 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"));
        boolean[] right = new boolean[header.size()];
        Arrays.fill(right, 1, right.length, true);
        Table table = new Table(header, right);
        for (TargetSummary target : report.targets()) {
            List<String> cells = new ArrayList<>(List.of(target.name(), target.throughput().toPlainString(),
                    Long.toString(target.count()), Long.toString(target.errors())));
            if (open) {
                cells.addAll(List.of(Long.toString(target.late()), Long.toString(target.dropped())));
            }
            Latency l = target.latencyMs();
            cells.addAll(List.of(Numbers.millis(l.p50()), Numbers.millis(l.p90()), Numbers.millis(l.p95()),
                    Numbers.millis(l.p99()), Numbers.millis(l.p999()), Numbers.millis(l.max())));
            table.row(cells);
        }
        return table;
    }
}

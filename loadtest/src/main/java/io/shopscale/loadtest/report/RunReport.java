package io.shopscale.loadtest.report;

import java.util.List;

/** The whole result of a run, as written to JSON and rendered as tables. */
public record RunReport(String tool, String timestamp, Environment environment, RunParameters parameters,
        List<TargetSummary> targets) {

    public RunReport {
        targets = List.copyOf(targets);
    }

    /** One line of context that belongs next to any table of these numbers. */
    public String context() {
        RunParameters p = parameters;
        return "%s; %d round%s × %s per target, %s order, warmup %s; seed %d; %s client; JDK %s; %d cores; %s"
                .formatted(p.describeModel(), p.rounds(), p.rounds() == 1 ? "" : "s", p.duration(), p.order(),
                        p.warmup(), p.seed(), p.client(), environment.jdk(), environment.cores(), timestamp);
    }
}

package io.shopscale.loadtest.blackfriday.verdict;

import java.util.ArrayList;
import java.util.List;

import io.shopscale.loadtest.blackfriday.audit.Check;

/**
 * Pass or fail, and the exit code that says which way: a broken invariant outranks a missed objective, because a
 * fast shop that oversells is worse than a slow one that does not.
 */
public record Verdict(boolean passed, int exitCode, List<String> failures) {

    public static final int PASSED = 0;
    public static final int OBJECTIVE_MISSED = 1;
    public static final int INVARIANT_BROKEN = 3;

    public Verdict {
        failures = List.copyOf(failures);
    }

    public static Verdict of(List<Check> checks, List<ObjectiveResult> objectives) {
        List<String> failures = new ArrayList<>();
        boolean broken = false;
        for (Check check : checks) {
            if (check.failed()) {
                broken = true;
                failures.add("invariant " + check.name() + ": " + check.status() + " (" + check.detail() + ")");
            }
        }
        boolean missed = false;
        for (ObjectiveResult objective : objectives) {
            if (!objective.passed()) {
                missed = true;
                failures.add("objective " + objective.name() + ": " + objective.measured() + ", limit "
                        + objective.limit() + (objective.note() == null ? "" : " (" + objective.note() + ")"));
            }
        }
        int code = broken ? INVARIANT_BROKEN : missed ? OBJECTIVE_MISSED : PASSED;
        return new Verdict(code == PASSED, code, failures);
    }
}

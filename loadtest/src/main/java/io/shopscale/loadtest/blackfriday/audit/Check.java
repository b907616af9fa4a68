package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;

/**
 * One invariant and what the audit found. {@code UNVERIFIED} means the ground truth could not be read in full and no
 * violation was seen in what could; it fails the run like a violation, because a verdict that could not look is not
 * a pass. {@code INCIDENT} is a finding to report and look into that leaves the run passing: money that moved wrongly
 * and was put right again.
 *
 * @param examples the first few violations, enough to start looking
 */
public record Check(String name, String rule, Status status, long violations, String detail, List<String> examples) {

    static final int MAX_EXAMPLES = 10;

    public enum Status { PASS, FAIL, UNVERIFIED, INCIDENT }

    public Check {
        examples = List.copyOf(examples.subList(0, Math.min(MAX_EXAMPLES, examples.size())));
    }

    public boolean failed() {
        return status == Status.FAIL || status == Status.UNVERIFIED;
    }
}

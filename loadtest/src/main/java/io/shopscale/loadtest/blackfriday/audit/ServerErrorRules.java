package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A 5xx is the platform failing a request, which no shopping scenario intends. A deliberate outage is the one
 * judgement call: a 503 that says when to come back (Retry-After) is the platform degrading as designed, so a fault
 * drill that causes one passes {@code --allow-5xx}; other 5xx answers fail even then.
 */
final class ServerErrorRules {

    private ServerErrorRules() {
    }

    static Check noUnintended5xx(AuditInput input) {
        Answers answers = input.answers();
        List<String> examples = new ArrayList<>();
        long unintended = 0;
        long allowed = 0;
        long withRetryAfter = 0;
        List<Answers.ServerErrors> tallies = answers.serverErrors().stream()
                .sorted(Comparator.comparing(Answers.ServerErrors::endpoint)
                        .thenComparingInt(Answers.ServerErrors::status))
                .toList();
        for (Answers.ServerErrors tally : tallies) {
            long retryAfter = tally.status() == 503 ? tally.withRetryAfter() : 0;
            long intended = answers.unavailableIntended() ? retryAfter : 0;
            withRetryAfter += retryAfter;
            allowed += intended;
            long bad = tally.count() - intended;
            if (bad > 0) {
                unintended += bad;
                examples.add("%s: %d × %d%s".formatted(tally.endpoint(), bad, tally.status(),
                        retryAfter > 0 && intended == 0 ? " (" + retryAfter + " with Retry-After)" : ""));
            }
        }
        String detail = unintended + " 5xx answers the scenario did not intend"
                + (allowed > 0 ? "; " + allowed + " 503 with Retry-After allowed (--allow-5xx)"
                : withRetryAfter > 0 ? "; a deliberate outage's 503 with Retry-After pass with --allow-5xx" : "");
        return Invariant.NO_UNINTENDED_5XX.judged(examples, unintended, detail);
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;

/**
 * What the generator was answered, the one part of the audit that does not come from the stores: resends answered
 * with another order, and the 5xx answers per endpoint.
 *
 * @param unavailableIntended whether a 503 carrying Retry-After is an answer the scenario meant to provoke (a fault
 *                            drill's deliberate outage, {@code --allow-5xx}); any other 5xx never is
 */
public record Answers(List<String> replayMismatches, List<ServerErrors> serverErrors, boolean unavailableIntended) {

    public Answers {
        replayMismatches = List.copyOf(replayMismatches);
        serverErrors = List.copyOf(serverErrors);
    }

    public static Answers none() {
        return new Answers(List.of(), List.of(), false);
    }

    /** The answers of one endpoint with one 5xx status; {@code withRetryAfter} of them carried that header. */
    public record ServerErrors(String endpoint, int status, long count, long withRetryAfter) {
    }
}

package io.shopscale.loadtest.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopscale.loadtest.run.Counts;

/** Responses by status class plus the requests that got no response at all. */
public record StatusSummary(@JsonProperty("1xx") long informational, @JsonProperty("2xx") long success,
        @JsonProperty("3xx") long redirection, @JsonProperty("4xx") long clientError,
        @JsonProperty("5xx") long serverError, long timeouts, long transportErrors) {

    static StatusSummary of(Counts counts) {
        return new StatusSummary(counts.informational(), counts.success(), counts.redirection(),
                counts.clientError(), counts.serverError(), counts.timeouts(), counts.failures());
    }

    /** Non-zero entries only, e.g. {@code 2xx=1200 5xx=3 timeouts=1}. */
    String compact() {
        StringBuilder out = new StringBuilder();
        append(out, "1xx", informational);
        append(out, "2xx", success);
        append(out, "3xx", redirection);
        append(out, "4xx", clientError);
        append(out, "5xx", serverError);
        append(out, "timeouts", timeouts);
        append(out, "transport errors", transportErrors);
        return out.isEmpty() ? "no requests" : out.toString();
    }

    private static void append(StringBuilder out, String label, long value) {
        if (value > 0) {
            out.append(out.isEmpty() ? "" : " ").append(label).append('=').append(value);
        }
    }
}

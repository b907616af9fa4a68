package io.shopscale.loadtest.cli;

/**
 * A {@code --target-header TARGET=Name:Value} argument: a header sent to one target only, so that, say, the same
 * route with and without an access token can be measured side by side in one run.
 */
public record TargetHeader(String target, Header header) {

    public static TargetHeader parse(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not TARGET=Name:Value, e.g. secured=Authorization:Bearer eyJ...");
        }
        return new TargetHeader(value.substring(0, eq).trim(), Header.parse(value.substring(eq + 1)));
    }

    /** As it may be shown in a report: credential-like values hidden. */
    public String shown() {
        return target + "=" + header.shown();
    }
}

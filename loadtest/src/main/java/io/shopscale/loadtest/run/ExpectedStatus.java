package io.shopscale.loadtest.run;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Which HTTP statuses count as success, written as classes and codes: {@code 2xx,3xx} (the default) or
 * {@code 2xx,404}. Anything else, and every timeout or transport failure, is an error.
 */
public final class ExpectedStatus {

    public static final ExpectedStatus DEFAULT = parse("2xx,3xx");

    private final BitSet codes;
    private final String text;

    private ExpectedStatus(BitSet codes, String text) {
        this.codes = codes;
        this.text = text;
    }

    /** Parses a comma-separated list; throws {@link IllegalArgumentException} with a readable message. */
    public static ExpectedStatus parse(String spec) {
        BitSet codes = new BitSet(600);
        List<String> parts = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String part = raw.trim().toLowerCase(Locale.ROOT);
            if (part.matches("[1-5]xx")) {
                int base = (part.charAt(0) - '0') * 100;
                codes.set(base, base + 100);
            }
            else if (part.matches("[1-5][0-9][0-9]")) {
                codes.set(Integer.parseInt(part));
            }
            else {
                throw new IllegalArgumentException(
                        "'" + raw.trim() + "' is not a status; use codes or classes such as 2xx,404");
            }
            parts.add(part);
        }
        return new ExpectedStatus(codes, String.join(",", parts));
    }

    public boolean matches(int status) {
        return status >= 0 && codes.get(status);
    }

    @Override
    public String toString() {
        return text;
    }
}

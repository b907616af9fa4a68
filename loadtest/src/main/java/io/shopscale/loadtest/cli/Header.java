package io.shopscale.loadtest.cli;

import java.util.regex.Pattern;

/** A {@code --header Name:Value} argument. */
public record Header(String name, String value) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern SECRET = Pattern.compile("(?i).*(auth|cookie|token|key|secret|pass).*");

    public Header {
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid header name");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the value of header " + name + " contains a line break");
        }
    }

    public static Header parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + value + "' is not Name:Value, e.g. Accept:application/json");
        }
        return new Header(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
    }

    /** The header as it may be shown in a report: values of credential-like headers are hidden. */
    public String shown() {
        return name + ":" + (SECRET.matcher(name).matches() ? "<redacted>" : value);
    }
}

package io.shopscale.loadtest.cli;

import io.shopscale.loadtest.ids.UrlTemplate;

/** A {@code --target NAME=URL} argument. */
public record TargetSpec(String name, UrlTemplate url) {

    public TargetSpec {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "target name '" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
    }

    /** Parses {@code NAME=URL}; the URL may itself contain '=' in its query. */
    public static TargetSpec parse(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException("'" + value + "' is not NAME=URL, e.g. gateway=http://host/api/{id}");
        }
        return new TargetSpec(value.substring(0, eq).trim(), new UrlTemplate(value.substring(eq + 1).trim()));
    }

    @Override
    public String toString() {
        return name + "=" + url.text();
    }
}

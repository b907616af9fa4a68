package io.shopscale.psp.admin;

import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.psp.fault.FaultSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * Applies a JSON object of settings onto a base, as JSON Merge Patch does: a named setting takes the given value,
 * null brings it back to its default, an absent one stays. Unknown names are refused, so that a typo such as
 * "declinerate" cannot pass for a change that was made.
 */
final class SettingsChange {

    private static final List<String> KNOWN = List.of("latency", "jitter", "declineRate", "errorRate", "timeoutRate",
            "hang", "outage", "seed");

    private SettingsChange() {
    }

    static FaultSettings apply(FaultSettings base, Map<String, Object> changes) {
        rejectUnknown(changes);
        FaultSettings d = FaultSettings.DEFAULTS;
        return new FaultSettings(
                duration(changes, "latency", base.latency(), d.latency()),
                duration(changes, "jitter", base.jitter(), d.jitter()),
                rate(changes, "declineRate", base.declineRate(), d.declineRate()),
                rate(changes, "errorRate", base.errorRate(), d.errorRate()),
                rate(changes, "timeoutRate", base.timeoutRate(), d.timeoutRate()),
                duration(changes, "hang", base.hang(), d.hang()),
                flag(changes, "outage", base.outage(), d.outage()),
                seed(changes, base.seed()));
    }

    private static void rejectUnknown(Map<String, Object> changes) {
        for (String name : changes.keySet()) {
            if (!KNOWN.contains(name)) {
                // A long name is not echoed back.
                throw new InvalidParameterException(name.length() > 40 ? "body" : name,
                        "Unknown setting; the settings are " + String.join(", ", KNOWN) + ".");
            }
        }
    }

    private static Duration duration(Map<String, Object> changes, String name, Duration base, Duration fallback) {
        if (!changes.containsKey(name)) {
            return base;
        }
        Object value = changes.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return DurationStyle.detectAndParse(text.strip());
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                // reported below
            }
        }
        throw new InvalidParameterException(name, name + " must be a duration such as \"250ms\", \"2s\" or \"PT1M\".");
    }

    private static double rate(Map<String, Object> changes, String name, double base, double fallback) {
        if (!changes.containsKey(name)) {
            return base;
        }
        Object value = changes.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && !(number instanceof BigInteger) && !(number instanceof BigDecimal)) {
            return number.doubleValue();
        }
        throw new InvalidParameterException(name, name + " must be a number between 0 and 1.");
    }

    private static boolean flag(Map<String, Object> changes, String name, boolean base, boolean fallback) {
        if (!changes.containsKey(name)) {
            return base;
        }
        Object value = changes.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new InvalidParameterException(name, name + " must be true or false.");
    }

    private static Long seed(Map<String, Object> changes, Long base) {
        if (!changes.containsKey("seed")) {
            return base;
        }
        Object value = changes.get("seed");
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new InvalidParameterException("seed",
                "seed must be a whole number (64-bit), or null for random outcomes.");
    }
}

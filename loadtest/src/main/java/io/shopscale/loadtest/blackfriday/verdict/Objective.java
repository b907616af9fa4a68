package io.shopscale.loadtest.blackfriday.verdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.cli.Converters;
import io.shopscale.loadtest.cli.DurationText;

/**
 * A target the run must meet, written {@code key=limit}: {@code latency.<endpoint>.<p50|p90|p95|p99|p99.9|max>} and
 * {@code order-final.<percentile>} take a duration ({@code 100ms}, {@code 5s}); {@code error-rate} a fraction or a
 * percentage; {@code server-errors} a count. Every limit is a ceiling: the measured value must be at most it.
 */
public record Objective(String key, Kind kind, String endpoint, double percentile, double limit, String limitText) {

    public enum Kind { LATENCY, ORDER_FINAL, ERROR_RATE, SERVER_ERRORS }

    private static final Pattern LATENCY = Pattern.compile("latency\\.([a-z-]+)\\.(p\\d+(?:\\.\\d+)?|max)");
    private static final Pattern ORDER_FINAL = Pattern.compile("order-final\\.(p\\d+(?:\\.\\d+)?|max)");
    private static final Map<String, Double> NAMED = Map.of("max", 100.0);

    public static Objective parse(String key, String value) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        String v = value.trim();
        Matcher latency = LATENCY.matcher(k);
        if (latency.matches()) {
            String endpoint = latency.group(1);
            if (Endpoint.labelled(endpoint).isEmpty()) {
                throw new IllegalArgumentException("objective " + key + " names no endpoint; endpoints are "
                        + String.join(", ", Arrays.stream(Endpoint.values()).map(Endpoint::label).toList()));
            }
            return new Objective(k, Kind.LATENCY, endpoint, percentile(latency.group(2), key), millis(v, key), v);
        }
        Matcher orderFinal = ORDER_FINAL.matcher(k);
        if (orderFinal.matches()) {
            return new Objective(k, Kind.ORDER_FINAL, null, percentile(orderFinal.group(1), key), millis(v, key), v);
        }
        return switch (k) {
            case "error-rate" -> new Objective(k, Kind.ERROR_RATE, null, 0, Converters.ErrorRates.parse(v), v);
            case "server-errors" -> {
                if (!v.matches("\\d{1,18}")) {
                    throw new IllegalArgumentException("objective server-errors takes a count, not '" + v + "'");
                }
                yield new Objective(k, Kind.SERVER_ERRORS, null, 0, Long.parseLong(v), v);
            }
            default -> throw new IllegalArgumentException("unknown objective '" + key + "'; use latency.<endpoint>."
                    + "<p99|...|max>, order-final.<p99|...>, error-rate or server-errors");
        };
    }

    /** Compares what was measured with the limit. */
    public ObjectiveResult evaluate(Measured measured) {
        Measured.Reading reading = switch (kind) {
            case LATENCY -> measured.latencyMillis(endpoint, percentile);
            case ORDER_FINAL -> measured.orderFinalMillis(percentile);
            case ERROR_RATE -> Measured.Reading.of(measured.errorRate());
            case SERVER_ERRORS -> Measured.Reading.of(measured.serverErrors());
        };
        if (reading.value() == null) {
            return new ObjectiveResult(key, "≤ " + limitText, "-", false, reading.note());
        }
        return new ObjectiveResult(key, "≤ " + limitText, shown(reading.value()), reading.value() <= limit,
                reading.note());
    }

    private String shown(double value) {
        return switch (kind) {
            case LATENCY, ORDER_FINAL -> String.format(Locale.ROOT, "%.2f ms", value);
            case ERROR_RATE -> String.format(Locale.ROOT, "%.3f%%", value * 100);
            case SERVER_ERRORS -> Long.toString((long) value);
        };
    }

    private static double percentile(String text, String key) {
        if (NAMED.containsKey(text)) {
            return NAMED.get(text);
        }
        double p = Double.parseDouble(text.substring(1));
        if (!(p > 0 && p < 100)) {
            throw new IllegalArgumentException("objective " + key + ": a percentile lies between p0 and p100");
        }
        return p;
    }

    private static double millis(String value, String key) {
        try {
            return DurationText.parse(value).toNanos() / 1e6;
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("objective " + key + ": " + ex.getMessage());
        }
    }
}

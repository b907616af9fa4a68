package io.shopscale.launcher.drill;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment provider simulator answers every charge later by {@code added}, on top of the latency it had, as
 * {@code psp --latency} sets it; healing puts the latency it had back.
 */
public final class ProviderSlowdown implements Fault {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m)");

    private final ProviderAdmin admin;

    private final Duration added;

    private String before;

    public ProviderSlowdown(ProviderAdmin admin, Duration added) {
        this.admin = admin;
        this.added = added;
    }

    @Override
    public String name() {
        return "psp-slow";
    }

    @Override
    public String what() {
        return "the payment provider simulator answered every charge " + added.toMillis() + " ms later than before "
                + "(./shopscale psp --latency), then as fast as before";
    }

    @Override
    public void inject() {
        before = ProviderAdmin.setting(admin.settings(), "latency");
        Duration slower = parse(before).plus(added);
        admin.change(ProviderAdmin.changes().put("latency", slower.toMillis() + "ms"));
    }

    @Override
    public void heal() {
        admin.change(ProviderAdmin.changes().put("latency", before));
    }

    /** The simulator shows durations as "250ms" or "60s". */
    static Duration parse(String text) {
        Matcher matcher = SIMPLE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unexpected latency '" + text + "' from the provider simulator");
        }
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            default -> Duration.ofMinutes(value);
        };
    }
}

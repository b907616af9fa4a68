package io.shopscale.loadtest.report;

import java.math.BigDecimal;

/** Number formatting shared by the renderers. */
public final class Numbers {

    private Numbers() {
    }

    /** "250" rather than "250.0", but "12.5" kept. */
    public static String trim(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static String millis(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}

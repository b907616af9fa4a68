package io.shopscale.launcher.drill;

import java.time.Duration;

/**
 * A drill's timeline: load alone for {@code lead}, then the fault kept for {@code outage} before healing starts, then
 * load for {@code tail} after it is healed.
 */
public record DrillPlan(Duration lead, Duration outage, Duration tail) {

    /** Longest a fault may take to inject and heal (an instance restarting on a busy machine) before the load stops. */
    static final Duration HEALING_ALLOWANCE = Duration.ofMinutes(3);

    public DrillPlan {
        if (lead.isNegative()) {
            throw new IllegalArgumentException("--lead must not be negative");
        }
        if (!outage.isPositive()) {
            throw new IllegalArgumentException("--outage must be positive");
        }
        if (!tail.isPositive()) {
            throw new IllegalArgumentException("--tail must be positive: recovery is measured in it");
        }
    }

    /** The load's longest possible run, the time to inject and heal included; the drill ends it sooner. */
    public Duration loadLimit() {
        return lead.plus(outage).plus(tail).plus(HEALING_ALLOWANCE);
    }
}

package io.shopscale.loadtest.blackfriday.workload;

import java.time.Duration;

/**
 * A stretch of a profile whose rate moves in a straight line from {@code from} to {@code to} times the base rate
 * (equal for a plateau; a jump is a phase that starts high). During a flash sale shoppers also go for the hot SKUs.
 *
 * @param mix what arrivals do in this phase; null for the usual one ({@link Mix#of(Phase)})
 */
public record Phase(String name, Duration duration, double from, double to, boolean flashSale, Mix mix) {

    public Phase(String name, Duration duration, double from, double to, boolean flashSale) {
        this(name, duration, from, to, flashSale, null);
    }

    public Phase {
        if (!duration.isPositive()) {
            throw new IllegalArgumentException("phase " + name + " needs a positive duration");
        }
        if (!(from >= 0) || !(to >= 0) || from + to == 0 || Double.isInfinite(from) || Double.isInfinite(to)) {
            throw new IllegalArgumentException("phase " + name + " needs non-negative rates, not both zero");
        }
    }

    public double seconds() {
        return duration.toNanos() / 1e9;
    }

    Phase scaled(double factor) {
        return new Phase(name, Duration.ofNanos(Math.max(1_000_000, Math.round(duration.toNanos() * factor))), from,
                to, flashSale, mix);
    }
}

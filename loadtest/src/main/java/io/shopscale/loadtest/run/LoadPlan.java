package io.shopscale.loadtest.run;

import java.time.Duration;
import java.util.List;

/** Everything a run needs, already validated and with requests prepared. */
public record LoadPlan(List<Target> targets, LoadModel model, Duration duration, int rounds, Duration warmup,
        long seed, Duration timeout, ExpectedStatus expected) {

    public LoadPlan {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        targets = List.copyOf(targets);
    }
}

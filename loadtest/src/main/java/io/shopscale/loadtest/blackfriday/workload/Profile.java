package io.shopscale.loadtest.blackfriday.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A named workload: the base rate (arrivals per second) that its phases multiply, how many shoppers take part, how
 * long to wait for orders to settle afterwards, and objective overrides that suit it (a CI machine's latency is not
 * a production target).
 */
public record Profile(String name, String description, double baseRate, int users, List<Phase> phases,
        Duration drainTimeout, Map<String, String> objectives) {

    public Profile {
        phases = List.copyOf(phases);
        objectives = Map.copyOf(objectives);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " has no phases");
        }
        if (!(baseRate > 0) || Double.isInfinite(baseRate)) {
            throw new IllegalArgumentException("--rate must be a positive number of arrivals per second");
        }
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1");
        }
    }

    public Duration duration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public boolean hasFlashSale() {
        return phases.stream().anyMatch(Phase::flashSale);
    }

    public Profile withBaseRate(double rate) {
        return new Profile(name, description, rate, users, phases, drainTimeout, objectives);
    }

    public Profile withUsers(int count) {
        return new Profile(name, description, baseRate, count, phases, drainTimeout, objectives);
    }

    /** Stretches or squeezes every phase alike, so the shape of the day stays the same. */
    public Profile withDuration(Duration total) {
        if (!total.isPositive()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        double factor = (double) total.toNanos() / duration().toNanos();
        return new Profile(name, description, baseRate, users, phases.stream().map(p -> p.scaled(factor)).toList(),
                drainTimeout, objectives);
    }

    public Profile withDrainTimeout(Duration timeout) {
        return new Profile(name, description, baseRate, users, phases, timeout, objectives);
    }
}

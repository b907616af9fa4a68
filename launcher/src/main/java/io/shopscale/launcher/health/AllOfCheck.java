package io.shopscale.launcher.health;

import java.util.List;

/** Several checks of one instance that must all pass, probed in order and stopping at the first that fails. */
record AllOfCheck(HealthCheck first, List<HealthCheck> rest) implements HealthCheck {

    AllOfCheck {
        rest = List.copyOf(rest);
    }

    @Override
    public Health probe() {
        Health health = first.probe();
        for (int i = 0; i < rest.size() && health == Health.UP; i++) {
            health = rest.get(i).probe();
        }
        return health;
    }

    @Override
    public String description() {
        StringBuilder text = new StringBuilder(first.description());
        rest.forEach(check -> text.append("; or ").append(check.description()));
        return text.toString();
    }
}

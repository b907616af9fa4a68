package io.shopscale.launcher.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What is running: the instances, and the environment the services were given so that instances added later by
 * {@code scale} find the same registry and stores.
 */
public record RunState(Instant startedAt, Map<String, String> environment, List<InstanceRecord> instances) {

    public RunState {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    public RunState with(InstanceRecord added) {
        var all = new ArrayList<>(instances);
        all.removeIf(existing -> existing.name().equals(added.name()));
        all.add(added);
        all.sort(Comparator.comparing(InstanceRecord::component).thenComparingInt(InstanceRecord::instance));
        return new RunState(startedAt, environment, all);
    }

    public RunState without(Predicate<InstanceRecord> removed) {
        return new RunState(startedAt, environment, instances.stream().filter(removed.negate()).toList());
    }

    public List<InstanceRecord> instancesOf(String component) {
        return instances.stream().filter(instance -> instance.component().equals(component)).toList();
    }
}

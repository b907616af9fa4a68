package io.shopscale.launcher.cli;

import io.shopscale.launcher.drill.DrillPlan;
import io.shopscale.launcher.platform.Components;

import java.time.Duration;
import java.util.List;

/**
 * {@code drill <fault> [<service>]} with its timing, checked: a fault the drill knows, a service only for
 * {@code kill} (and one that {@code scale} can start again), a positive rate and a timeline that makes sense.
 */
record DrillRequest(String fault, String service, double rate, DrillPlan plan, Duration latency) {

    static final List<String> FAULTS = List.of("pg-outage", "kafka-outage", "redis-outage", "kill", "psp-outage",
            "psp-slow");

    DrillRequest {
        if (!FAULTS.contains(fault)) {
            throw new IllegalArgumentException("unknown fault '" + fault + "'; one of " + String.join(", ", FAULTS));
        }
        if (fault.equals("kill")) {
            if (service == null) {
                throw new IllegalArgumentException("kill needs the service to kill one instance of: "
                        + scalable());
            }
            if (!Components.scalableNames().contains(service)) {
                throw new IllegalArgumentException("kill " + service + ": only a service that scale starts again "
                        + "can be killed: " + scalable());
            }
        }
        else if (service != null) {
            throw new IllegalArgumentException(fault + " takes no service (got '" + service + "')");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be a positive number of arrivals per second");
        }
        if (!latency.isPositive()) {
            throw new IllegalArgumentException("--latency must be positive");
        }
    }

    /** As the report and the console name it: {@code pg-outage}, {@code kill orders}. */
    String name() {
        return service == null ? fault : fault + " " + service;
    }

    private static String scalable() {
        return String.join(", ", Components.scalableNames());
    }
}

package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.process.Liveness;
import io.shopscale.launcher.process.Stopped;
import io.shopscale.launcher.process.Supervisor;
import io.shopscale.launcher.state.InstanceRecord;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Stops instances in the reverse of start order: the gateway first, so no new request reaches a stopping service;
 * then every service of a start stage together (they do not depend on each other, and each takes seconds to
 * finish its requests, deregister and, once per build, save its AOT cache); the registry; the stores last.
 */
final class Shutdown {

    private static final Duration PORT_RELEASE_WAIT = Duration.ofSeconds(10);

    // The compact JVM's cache holds every service's classes: about 40 s to write on a busy two-core machine.
    private static final Duration TRAINING_EXTRA_GRACE = Duration.ofSeconds(90);

    private static final int MAX_STAGE = Components.all().stream().mapToInt(Component::stage).max().orElse(0);

    private final Supervisor supervisor;

    private final PrintWriter out;

    private final Duration grace;

    private final Path dataDir;

    Shutdown(Supervisor supervisor, PrintWriter out, Duration grace, Path dataDir) {
        this.supervisor = supervisor;
        this.out = out;
        this.grace = grace;
        this.dataDir = dataDir;
    }

    void stopAll(List<InstanceRecord> instances) {
        Map<Integer, List<InstanceRecord>> byWave = onePerProcess(instances).stream()
                .sorted(Comparator.comparingInt((InstanceRecord instance) -> Components.order(instance.component()))
                        .reversed()
                        .thenComparing(Comparator.comparingInt(InstanceRecord::instance).reversed()))
                .collect(Collectors.groupingBy(instance -> wave(instance.component()), TreeMap::new,
                        Collectors.toList()));
        byWave.values().forEach(this::stopTogether);
        awaitPortsFree(instances.stream().flatMap(instance -> instance.ports().stream()).toList());
    }

    /**
     * The services of the compact JVM share its process, which stops once, with the gateway: the JVM closes its
     * services' contexts itself (the gateway's among them) and instances outside it stop in their own waves.
     */
    private static List<InstanceRecord> onePerProcess(List<InstanceRecord> instances) {
        var seen = new HashSet<Long>();
        return instances.stream()
                .filter(instance -> !instance.hosted() || seen.add(instance.pid()))
                .map(instance -> instance.hosted() ? new InstanceRecord(Components.GATEWAY, 1, instance.pid(),
                        instance.port(), instance.ports(), instance.jar(), instance.log(), instance.startedAt(),
                        instance.host()) : instance)
                .toList();
    }

    /** Lower waves stop first: whatever the platform does not know, then the gateway, then stages in reverse. */
    private static int wave(String component) {
        if (Components.find(component).isEmpty()) {
            return 0;
        }
        if (component.equals(Components.GATEWAY)) {
            return 1;
        }
        return 2 + (MAX_STAGE - Components.get(component).stage());
    }

    private void stopTogether(List<InstanceRecord> instances) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            instances.forEach(instance -> executor.submit(() -> stop(instance)));
        }
    }

    private void stop(InstanceRecord instance) {
        String name = "%-12s".formatted(instance.hosted() ? instance.host() : instance.name());
        var process = Liveness.find(instance.pid(), instance.jar(), instance.startedAt());
        if (process.isEmpty()) {
            println("  %s was not running".formatted(name));
            return;
        }
        // A JVM that trained an AOT cache writes it on exit, which takes a while once per build.
        boolean training = process.get().info().commandLine().map(line -> line.contains("-XX:AOTCacheOutput="))
                .orElse(false);
        Duration allowed = training ? grace.plus(TRAINING_EXTRA_GRACE) : grace;
        Stopped stopped = supervisor.stop(process.get(), allowed, strays(process.get()));
        if (stopped.killed()) {
            println("  %s killed after %s (pid %d ignored SIGTERM)".formatted(name, Format.seconds(stopped.took()),
                    stopped.pid()));
        }
        else {
            println("  %s stopped in %s%s".formatted(name, Format.seconds(stopped.took()),
                    training ? " (saved its AOT cache for faster starts)" : ""));
        }
    }

    /**
     * The stores process runs servers that may detach themselves (PostgreSQL does); they work in the data directory,
     * which is how they are found should the stores process fail to stop them.
     */
    private List<ProcessHandle> strays(ProcessHandle process) {
        boolean ownsData = process.info().commandLine().map(line -> line.contains(dataDir.toString())).orElse(false);
        if (!ownsData) {
            return List.of();
        }
        return Supervisor.mentioning(dataDir + "/").stream().filter(stray -> stray.pid() != process.pid()).toList();
    }

    /** A stopped server's ports close with it; one still taken belongs to someone else, which is worth saying. */
    private void awaitPortsFree(Collection<Integer> ports) {
        long deadline = System.nanoTime() + PORT_RELEASE_WAIT.toNanos();
        List<Integer> busy = List.copyOf(ports);
        while (true) {
            busy = busy.stream().filter(Ports::inUse).toList();
            if (busy.isEmpty() || System.nanoTime() - deadline >= 0) {
                break;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        busy.forEach(port -> println("  warning: port " + port + " is still in use by another program"));
    }

    private synchronized void println(String line) {
        out.println(line);
        out.flush();
    }
}

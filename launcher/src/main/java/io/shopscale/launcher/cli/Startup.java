package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.HealthCheck;
import io.shopscale.launcher.health.Patience;
import io.shopscale.launcher.health.Readiness;
import io.shopscale.launcher.health.Readiness.Exited;
import io.shopscale.launcher.health.Readiness.Outcome;
import io.shopscale.launcher.health.Readiness.Ready;
import io.shopscale.launcher.health.Readiness.Stalled;
import io.shopscale.launcher.health.Readiness.TimedOut;
import io.shopscale.launcher.health.WorkMeter;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.process.Child;
import io.shopscale.launcher.process.LaunchSpec;
import io.shopscale.launcher.process.LogTail;
import io.shopscale.launcher.process.Supervisor;
import io.shopscale.launcher.platform.ListenAddress;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Starts instances, records each in the state file the moment it exists (so a crash of the launcher leaves nothing
 * unaccounted for) and waits until they are ready, printing one line per instance as it gets there. At most
 * {@link StartLimits#concurrency()} instances start at a time; the next starts as soon as one is ready or failed.
 */
final class Startup {

    static final int LOG_TAIL_LINES = 30;

    /** Starts an instance's process. */
    @FunctionalInterface
    interface Spawner {
        Child start(LaunchSpec spec) throws IOException;
    }

    /** Waits until a started instance is ready, exits or stalls. */
    @FunctionalInterface
    interface Waiter {
        Outcome await(Child child, HealthCheck check);
    }

    private final Spawner spawner;

    private final Waiter waiter;

    private final StateStore store;

    private final PrintWriter out;

    private final PrintWriter err;

    private final StartLimits limits;

    private final List<Child> started = new ArrayList<>();

    private RunState state;

    private boolean aborted;

    Startup(Supervisor supervisor, StateStore store, RunState state, PrintWriter out, PrintWriter err,
            StartLimits limits) {
        this(supervisor::start, waiter(limits.patience()), store, state, out, err, limits);
    }

    Startup(Spawner spawner, Waiter waiter, StateStore store, RunState state, PrintWriter out, PrintWriter err,
            StartLimits limits) {
        this.spawner = spawner;
        this.waiter = waiter;
        this.store = store;
        this.state = state;
        this.out = out;
        this.err = err;
        this.limits = limits;
        store.write(state);
    }

    /**
     * Starts the instances in order, no more at a time than the limits allow, and waits for all of them; failures
     * are reported with their log tails.
     */
    Map<Child, Outcome> startTogether(List<LaunchSpec> specs) {
        var slots = new Semaphore(limits.concurrency());
        var waiting = new Waiting(specs.size());
        var waits = new LinkedHashMap<Child, Future<Outcome>>();
        var outcomes = new LinkedHashMap<Child, Outcome>();
        Thread reporter = Thread.ofVirtual().name("shopscale-waiting").start(() -> report(waiting));
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (LaunchSpec spec : specs) {
                    acquire(slots);
                    Child child = spawn(spec);
                    waiting.started(spec.name());
                    waits.put(child, executor.submit(() -> {
                        try {
                            return awaitAndReport(child);
                        }
                        finally {
                            waiting.finished(spec.name());
                            slots.release();
                        }
                    }));
                }
            }
            catch (RuntimeException cannotGoOn) {
                // The caller stops what was started; waiting for those to get ready first would only delay that.
                abort();
                executor.shutdownNow();
                throw cannotGoOn;
            }
            waits.forEach((child, wait) -> outcomes.put(child, join(wait)));
        }
        finally {
            reporter.interrupt();
        }
        return outcomes;
    }

    /**
     * Starts one process that hosts several instances (the compact topology) and waits for each of them as if it ran
     * on its own; they are recorded with the host's pid the moment it exists.
     */
    Map<Child, Outcome> startHosted(LaunchSpec host, List<LaunchSpec> services) {
        var waiting = new Waiting(services.size());
        var waits = new LinkedHashMap<Child, Future<Outcome>>();
        var outcomes = new LinkedHashMap<Child, Outcome>();
        Thread reporter = Thread.ofVirtual().name("shopscale-waiting").start(() -> report(waiting));
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Child> hosted = spawnHosted(host, services);
            for (Child child : hosted) {
                waiting.started(child.spec().name());
                waits.put(child, executor.submit(() -> {
                    try {
                        return awaitAndReport(child);
                    }
                    finally {
                        waiting.finished(child.spec().name());
                    }
                }));
            }
            waits.forEach((child, wait) -> outcomes.put(child, join(wait)));
        }
        finally {
            reporter.interrupt();
        }
        return outcomes;
    }

    /** Stops starting anything further; returns what was started so far. */
    synchronized List<InstanceRecord> abort() {
        aborted = true;
        return started.stream().map(Startup::record).toList();
    }

    synchronized boolean aborted() {
        return aborted;
    }

    synchronized List<InstanceRecord> startedInstances() {
        return started.stream().map(Startup::record).toList();
    }

    /** Forgets instances that were stopped again, so the state file only lists what runs. */
    synchronized void forget(List<InstanceRecord> stopped) {
        var names = stopped.stream().map(InstanceRecord::name).toList();
        started.removeIf(child -> names.contains(child.spec().name()));
        state = state.without(instance -> names.contains(instance.name()));
        store.write(state);
    }

    static InstanceRecord record(Child child) {
        LaunchSpec spec = child.spec();
        return new InstanceRecord(spec.component(), spec.instance(), child.pid(), spec.port(), spec.ports(),
                spec.jar().toString(), spec.log().toString(), child.startedAt(), spec.host());
    }

    private synchronized Child spawn(LaunchSpec spec) {
        if (aborted) {
            throw new Failure("interrupted");
        }
        try {
            Child child = spawner.start(spec);
            started.add(child);
            state = state.with(record(child));
            store.write(state);
            return child;
        }
        catch (IOException ex) {
            throw new Failure("cannot start " + spec.name() + ": " + ex.getMessage());
        }
    }

    private synchronized List<Child> spawnHosted(LaunchSpec host, List<LaunchSpec> services) {
        if (aborted) {
            throw new Failure("interrupted");
        }
        try {
            Child process = spawner.start(host);
            var hosted = new ArrayList<Child>();
            for (LaunchSpec service : services) {
                Child child = new Child(service, process.process(), process.startedAt());
                hosted.add(child);
                started.add(child);
                state = state.with(record(child));
            }
            store.write(state);
            return hosted;
        }
        catch (IOException ex) {
            throw new Failure("cannot start " + host.name() + ": " + ex.getMessage());
        }
    }

    private Outcome awaitAndReport(Child child) {
        LaunchSpec spec = child.spec();
        var check = Components.get(spec.component()).readinessCheck(spec.ports(),
                ListenAddress.probeHost(state.environment()));
        Outcome outcome = waiter.await(child, check);
        if (aborted()) {
            return outcome;
        }
        String name = "%-12s".formatted(spec.name());
        switch (outcome) {
            case Ready ready -> print(out, "  %s ready in %-8s pid %-8d %s".formatted(name, Format.seconds(ready.after()),
                    child.pid(), where(spec)), List.of());
            case Exited exited -> print(err, "  %s exited with code %d after %s".formatted(name, exited.exitCode(),
                    Format.seconds(exited.after())), tail(spec));
            case Stalled stalled -> print(err, "  %s made no progress for %s; not ready after %s (%s)".formatted(name,
                    Format.window(stalled.quietFor()), Format.seconds(stalled.after()), check.description()), tail(spec));
            case TimedOut timedOut -> print(err, "  %s not ready after %s (%s)".formatted(name,
                    Format.seconds(timedOut.after()), check.description()), tail(spec));
        }
        return outcome;
    }

    /** Readiness with progress read from the process's processor time and its log. */
    private static Waiter waiter(Patience patience) {
        return (child, check) -> Readiness.await(child.process(), check, patience,
                WorkMeter.of(child.process().toHandle(), child.spec().log()));
    }

    /** Says every so often who is still being waited for, until interrupted. */
    private void report(Waiting waiting) {
        try {
            while (true) {
                Thread.sleep(limits.reportEvery());
                if (aborted()) {
                    return;
                }
                waiting.line(SystemLoad.oneMinute()).ifPresent(line -> print(out, line, List.of()));
            }
        }
        catch (InterruptedException done) {
            // the start is over
        }
    }

    private static void acquire(Semaphore slots) {
        try {
            slots.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private synchronized void print(PrintWriter writer, String line, List<String> details) {
        writer.println(line);
        details.forEach(writer::println);
        writer.flush();
    }

    private static String where(LaunchSpec spec) {
        return spec.ports().stream().map(port -> ":" + port).reduce((a, b) -> a + " " + b).orElse("");
    }

    static List<String> tail(LaunchSpec spec) {
        var lines = new ArrayList<String>();
        lines.add("  --- last %d lines of %s ---".formatted(LOG_TAIL_LINES, spec.log()));
        try {
            LogTail.lastLines(spec.log(), LOG_TAIL_LINES).forEach(line -> lines.add("  | " + line));
        }
        catch (IOException ex) {
            lines.add("  (cannot read the log: " + ex.getMessage() + ")");
        }
        lines.add("  ---");
        return lines;
    }

    private static Outcome join(Future<Outcome> wait) {
        try {
            return wait.get();
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }
}

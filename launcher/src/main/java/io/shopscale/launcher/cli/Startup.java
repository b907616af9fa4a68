package io.shopscale.launcher.cli;

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

/**
 * Starts instances, records each in the state file the moment it exists (so a crash of the launcher leaves nothing
 * unaccounted for) and waits until they are ready, printing one line per instance as it gets there.
 */
final class Startup {

    static final int LOG_TAIL_LINES = 30;

    private final Supervisor supervisor;

    private final StateStore store;

    private final PrintWriter out;

    private final PrintWriter err;

    private final Patience patience;

    private final List<Child> started = new ArrayList<>();

    private RunState state;

    private boolean aborted;

    Startup(Supervisor supervisor, StateStore store, RunState state, PrintWriter out, PrintWriter err,
            Patience patience) {
        this.supervisor = supervisor;
        this.store = store;
        this.state = state;
        this.out = out;
        this.err = err;
        this.patience = patience;
        store.write(state);
    }

    /** Starts the instances together and waits for all of them; failures are reported with their log tails. */
    Map<Child, Outcome> startTogether(List<LaunchSpec> specs) {
        var children = new ArrayList<Child>();
        for (LaunchSpec spec : specs) {
            children.add(spawn(spec));
        }
        var outcomes = new LinkedHashMap<Child, Outcome>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var waits = new LinkedHashMap<Child, Future<Outcome>>();
            for (Child child : children) {
                waits.put(child, executor.submit(() -> awaitAndReport(child)));
            }
            waits.forEach((child, wait) -> outcomes.put(child, join(wait)));
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
                spec.jar().toString(), spec.log().toString(), child.startedAt());
    }

    private synchronized Child spawn(LaunchSpec spec) {
        if (aborted) {
            throw new Failure("interrupted");
        }
        try {
            Child child = supervisor.start(spec);
            started.add(child);
            state = state.with(record(child));
            store.write(state);
            return child;
        }
        catch (IOException ex) {
            throw new Failure("cannot start " + spec.name() + ": " + ex.getMessage());
        }
    }

    private Outcome awaitAndReport(Child child) {
        LaunchSpec spec = child.spec();
        var check = Components.get(spec.component()).readinessCheck(spec.ports());
        Outcome outcome = Readiness.await(child.process(), check, patience,
                WorkMeter.of(child.process().toHandle(), spec.log()));
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

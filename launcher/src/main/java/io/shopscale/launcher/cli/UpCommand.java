package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.Readiness.Outcome;
import io.shopscale.launcher.health.Readiness.Ready;
import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Component.Kind;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Launches;
import io.shopscale.launcher.platform.Launches.HostedStart;
import io.shopscale.launcher.platform.ListenAddress;
import io.shopscale.launcher.platform.PlatformSecrets;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.platform.Topology;
import io.shopscale.launcher.process.Child;
import io.shopscale.launcher.process.LaunchSpec;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateException;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "up",
        description = {"Start the platform and wait until every component is ready.",
                "Stays in the foreground until Ctrl-C, which stops everything; with --detach it exits once ready."})
final class UpCommand implements Callable<Integer> {

    private static final Duration MONITOR_INTERVAL = Duration.ofSeconds(1);

    @Mixin
    CommonOptions options;

    @Option(names = {"-d", "--detach"}, description = "Exit once everything is ready and leave it running.")
    boolean detach;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a component may go without progress (no log output, hardly any CPU time) "
                    + "before its start counts as failed; one that keeps making progress gets up to 15 minutes "
                    + "(default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--topology", paramLabel = "compact|services",
            description = "compact: every service in one JVM, the least memory and the fastest start (the default, or "
                    + "SHOPSCALE_TOPOLOGY); services: a JVM per service, as Kubernetes runs them.")
    String topologyOption;

    @Option(names = "--listen", paramLabel = "ADDRESS",
            description = "Where the gateway listens: an address of this machine, or 0.0.0.0 for all of them (or "
                    + "SHOPSCALE_GATEWAY_ADDRESS; default 127.0.0.1, this machine only). Every other component "
                    + "listens on 127.0.0.1 whatever this says.")
    String listen;

    @Spec
    CommandSpec spec;

    private final Context context;

    UpCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new Failure("--timeout must be at least 1 second", ExitCodes.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = listen == null ? context.settings(options.stateDir)
                : context.settings(options.stateDir).with(Settings.GATEWAY_ADDRESS_VARIABLE, ListenAddress.validate(listen));
        var launches = new Launches(settings);
        var store = new StateStore(settings.runDir());
        var shutdown = new Shutdown(context.supervisor(), out, context.stopGrace(), settings.dataDir());
        long begin = System.nanoTime();
        SignalGuard guard;
        AdminLogin admin;
        try (var lock = store.lock(Context.LOCK_WAIT, () -> out.println("Waiting for another shopscale command to finish..."))) {
            Preflight.refuseIfRunning(store, out);
            Topology topology = Topology.choose(topologyOption, settings);
            List<Component> components = launches.components();
            Preflight.requireJars(components, settings);
            if (topology == Topology.COMPACT) {
                Preflight.requireJars(List.of(Component.compactHost()), settings);
            }
            Preflight.requireFreePorts(launches.portClaims());
            Preflight.createDirectories(settings);
            admin = AdminLogin.before(settings);
            new PlatformSecrets(settings).generate(components);
            launches.pruneEarlierBuilds(components);
            launches.prepare(components, () -> {
                out.println("Unpacking the jars of this build for a faster start (once per build)...");
                out.flush();
            });
            Summary.starting(out, settings, launches, topology);
            var startup = new Startup(context.supervisor(), store, new RunState(Instant.now(),
                    storedEnvironment(settings), List.of()), out, err,
                    StartLimits.of(settings, Duration.ofSeconds(timeoutSeconds)));
            guard = SignalGuard.install(startup, store, shutdown, out);
            try {
                if (topology == Topology.COMPACT) {
                    startCompact(components, launches, startup, settings);
                }
                else {
                    for (List<Component> stage : Components.byStage(components, component -> component)) {
                        requireReady(startup.startTogether(stage.stream().map(launches::first).toList()), settings);
                    }
                }
            }
            catch (RuntimeException failed) {
                guard.awaitIfStopping();
                guard.finishQuietly();
                err.println("Stopping what was started...");
                err.flush();
                shutdown.stopAll(startup.startedInstances());
                store.delete();
                throw failed;
            }
        }
        Summary.ready(out, settings, launches, admin, Duration.ofNanos(System.nanoTime() - begin));
        if (detach) {
            guard.finishQuietly();
            out.println("Running in the background. Stop it with: ./shopscale down");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        guard.running();
        return monitor(store, guard, out, err);
    }

    /**
     * The stores in a process of their own; then, together, every service in one JVM and the components that keep a
     * process of their own beside it (the payment provider simulator).
     */
    private static void startCompact(List<Component> components, Launches launches, Startup startup,
            Settings settings) {
        List<Component> stores = components.stream().filter(component -> component.kind() == Kind.STORES).toList();
        if (!stores.isEmpty()) {
            requireReady(startup.startTogether(stores.stream().map(launches::first).toList()), settings);
        }
        HostedStart compact = launches.compact(components.stream().filter(Components::hostedInCompact).toList());
        launches.pruneEarlierCompactBuilds(compact.host().jar());
        List<LaunchSpec> beside = components.stream()
                .filter(component -> component.kind() == Kind.SERVICE && !Components.hostedInCompact(component))
                .map(launches::first).toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Map<Child, Outcome>> apart = executor.submit(() -> startup.startTogether(beside));
            Map<Child, Outcome> hosted = startup.startHosted(compact.host(), compact.services());
            requireReady(join(apart), settings);
            requireReady(hosted, settings);
        }
    }

    private static Map<Child, Outcome> join(Future<Map<Child, Outcome>> start) {
        try {
            return start.get();
        }
        catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static void requireReady(Map<Child, Outcome> outcomes, Settings settings) {
        if (!outcomes.values().stream().allMatch(Ready.class::isInstance)) {
            throw new Failure("ShopScale did not start. Logs: " + settings.logsDir());
        }
    }

    /** The environment services were given, minus secrets, for instances that {@code scale} adds later. */
    private static Map<String, String> storedEnvironment(Settings settings) {
        var env = new LinkedHashMap<>(settings.serviceEnvironment());
        Settings.SECRET_VARIABLES.forEach(env::remove);
        return env;
    }

    /** Keeps the foreground alive, says when an instance dies and returns when someone else stopped the platform. */
    private static int monitor(StateStore store, SignalGuard guard, PrintWriter out, PrintWriter err) {
        Set<String> reported = new HashSet<>();
        while (guard.isRunning()) {
            try {
                Optional<RunState> state = store.read();
                if (state.isEmpty() && guard.finishQuietly()) {
                    out.println("ShopScale was stopped by another shopscale command.");
                    out.flush();
                    return ExitCodes.OK;
                }
                // While a down or a scale holds the lock, instances stop because someone asked them to.
                boolean stoppingOnPurpose = store.lockedByAnotherProcess();
                state.map(RunState::instances).orElse(List.of()).stream()
                        .filter(instance -> !stoppingOnPurpose)
                        .filter(instance -> !Instances.alive(instance))
                        .filter(instance -> reported.add(instance.name() + "@" + instance.pid()))
                        .forEach(instance -> {
                            err.printf("%s (pid %d) exited unexpectedly; see ./shopscale logs %s%n", instance.name(),
                                    instance.pid(), instance.name());
                            err.flush();
                        });
            }
            catch (StateException unreadable) {
                // Whoever broke the file hears about it; watching goes on, and Ctrl-C still stops everything.
            }
            try {
                Thread.sleep(MONITOR_INTERVAL);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        guard.awaitStopped();
        return ExitCodes.OK;
    }
}

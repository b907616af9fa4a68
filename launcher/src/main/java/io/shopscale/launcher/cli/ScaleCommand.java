package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.Readiness.Outcome;
import io.shopscale.launcher.health.Readiness.Ready;
import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Launches;
import io.shopscale.launcher.platform.Launches.HostedStart;
import io.shopscale.launcher.platform.PlatformSecrets;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.process.Child;
import io.shopscale.launcher.process.LaunchSpec;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "scale",
        description = {"Start or stop instances of a stateless service until the given number run, e.g. scale catalog=3.",
                "New instances get a free port and register in the registry, where the gateway finds them."})
final class ScaleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(arity = "1..*", paramLabel = "COMPONENT=N", description = "How many instances should run, 0 to "
            + ScaleRequest.MAX_INSTANCES + ".")
    List<String> arguments;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a new instance may go without progress (no log output, hardly any CPU time) "
                    + "before its start counts as failed; one that keeps making progress gets up to 15 minutes "
                    + "(default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final Context context;

    ScaleCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new Failure("--timeout must be at least 1 second", ExitCodes.USAGE);
        }
        List<ScaleRequest> requests;
        try {
            requests = ScaleRequest.parseAll(arguments);
        }
        catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = context.settings(options.stateDir);
        var store = new StateStore(settings.runDir());
        var launches = new Launches(settings);
        var shutdown = new Shutdown(context.supervisor(), out, context.stopGrace(), settings.dataDir());
        boolean allStarted = true;
        try (var lock = store.lock(Context.LOCK_WAIT, () -> out.println("Waiting for another shopscale command to finish..."))) {
            RunState state = store.read().orElseThrow(ScaleCommand::notRunning);
            if (state.instances().stream().noneMatch(Instances::alive)) {
                throw notRunning();
            }
            for (ScaleRequest request : requests) {
                state = restartDeadHost(state, request.component(), launches, settings, store, shutdown, out, err);
                state = dropDead(state, request.component(), new RegistryLeases(state.environment()
                        .getOrDefault(Settings.REGISTRY_URL_VARIABLE, settings.registryUrl()).split(",")[0],
                        new PlatformSecrets(settings).registryCredentials()), out);
                store.write(state);
                List<InstanceRecord> live = state.instancesOf(request.component().name());
                out.printf("Scaling %s from %d to %d instances...%n", request.component().name(), live.size(),
                        request.instances());
                out.flush();
                if (request.instances() > live.size()) {
                    launches.prepare(List.of(request.component()), () -> { });
                    var startup = new Startup(context.supervisor(), store, state, out, err,
                            StartLimits.of(settings, Duration.ofSeconds(timeoutSeconds)));
                    allStarted &= scaleUp(request, live, state, launches, settings, startup, shutdown);
                }
                else if (request.instances() < live.size()) {
                    long hosted = live.stream().filter(InstanceRecord::hosted).count();
                    if (request.instances() < hosted) {
                        throw new Failure("%s runs inside the compact JVM with the other services, so it keeps %d instance%s; to scale it to %d, start with ./shopscale up --topology services"
                                .formatted(request.component().name(), hosted, hosted == 1 ? "" : "s", request.instances()),
                                ExitCodes.USAGE);
                    }
                    List<InstanceRecord> surplus = live.stream()
                            .filter(instance -> !instance.hosted())
                            .sorted(Comparator.comparingInt(InstanceRecord::instance).reversed())
                            .limit(live.size() - Math.max(request.instances(), hosted))
                            .toList();
                    shutdown.stopAll(surplus);
                    Set<String> stopped = new HashSet<>(surplus.stream().map(InstanceRecord::name).toList());
                    store.write(state.without(instance -> stopped.contains(instance.name())));
                }
                state = store.read().orElse(state);
                List<InstanceRecord> now = state.instancesOf(request.component().name());
                out.printf("%s: %d instance%s running%s.%n", request.component().name(), now.size(),
                        now.size() == 1 ? "" : "s", now.isEmpty() ? ""
                                : " (ports " + Format.ports(now.stream().map(InstanceRecord::port).toList()) + ")");
                out.flush();
            }
        }
        if (!allStarted) {
            throw new Failure("Some instances did not start; see their log lines above.");
        }
        return ExitCodes.OK;
    }

    /** Starts the missing instances together; those that fail are stopped again and left out of the state. */
    private static boolean scaleUp(ScaleRequest request, List<InstanceRecord> live, RunState state,
            Launches launches, Settings settings, Startup startup, Shutdown shutdown) {
        Component component = request.component();
        Set<Integer> numbers = new HashSet<>(live.stream().map(InstanceRecord::instance).toList());
        Set<Integer> ports = new HashSet<>(live.stream().map(InstanceRecord::port).toList());
        var specs = new ArrayList<LaunchSpec>();
        for (int number = 1; numbers.size() < request.instances(); number++) {
            if (numbers.add(number)) {
                int port = port(component, number, settings, ports);
                ports.add(port);
                specs.add(launches.service(component, number, port, state.environment()));
            }
        }
        Map<Child, Outcome> outcomes = startup.startTogether(specs);
        List<InstanceRecord> failed = outcomes.entrySet().stream()
                .filter(outcome -> !(outcome.getValue() instanceof Ready))
                .map(outcome -> Startup.record(outcome.getKey()))
                .toList();
        if (!failed.isEmpty()) {
            shutdown.stopAll(failed);
            startup.forget(failed);
        }
        return failed.isEmpty();
    }

    /** The first instance keeps the component's configured port when it is free; others get one from the system. */
    private static int port(Component component, int number, Settings settings, Set<Integer> taken) {
        int configured = settings.port(component);
        if (number == 1 && !taken.contains(configured) && !Ports.inUse(configured)) {
            return configured;
        }
        int port;
        do {
            port = Ports.free();
        }
        while (taken.contains(port));
        return port;
    }

    /**
     * A component that ran in the compact JVM, which is gone (a crash, a kill -9): the JVM starts again with every
     * service it hosted, on their ports and with the environment the platform was started with. Scaling such a
     * component back up means exactly that; a process of its own beside the other dead services would serve nobody.
     */
    private RunState restartDeadHost(RunState state, Component component, Launches launches, Settings settings,
            StateStore store, Shutdown shutdown, PrintWriter out, PrintWriter err) {
        Optional<InstanceRecord> dead = state.instancesOf(component.name()).stream()
                .filter(InstanceRecord::hosted).filter(instance -> !Instances.alive(instance)).findFirst();
        if (dead.isEmpty()) {
            return state;
        }
        long pid = dead.get().pid();
        List<InstanceRecord> hosted = state.instances().stream()
                .filter(instance -> instance.hosted() && instance.pid() == pid).toList();
        out.printf("%s ran in the compact JVM (pid %d), which is gone; starting it again with its %d services...%n",
                component.name(), pid, hosted.size());
        out.flush();
        RunState remaining = state.without(instance -> instance.hosted() && instance.pid() == pid);
        store.write(remaining);
        Map<String, List<Integer>> ports = hosted.stream()
                .collect(Collectors.toMap(InstanceRecord::component, InstanceRecord::ports));
        List<Component> services = hosted.stream().map(instance -> Components.get(instance.component()))
                .sorted(Comparator.comparingInt(service -> Components.order(service.name()))).toList();
        launches.prepare(services, () -> { });
        HostedStart start = launches.compact(services, remaining.environment(), service -> ports.get(service.name()));
        var startup = new Startup(context.supervisor(), store, remaining, out, err,
                StartLimits.of(settings, Duration.ofSeconds(timeoutSeconds)));
        Map<Child, Outcome> outcomes = startup.startHosted(start.host(), start.services());
        if (!outcomes.values().stream().allMatch(Ready.class::isInstance)) {
            List<InstanceRecord> started = startup.startedInstances();
            shutdown.stopAll(started);
            startup.forget(started);
            throw new Failure("The compact JVM did not start again; see its log lines above.");
        }
        return store.read().orElse(remaining);
    }

    /** Forgets the component's dead instances, in the state and in the registry, so that nobody is sent to them. */
    private static RunState dropDead(RunState state, Component component, RegistryLeases leases, PrintWriter out) {
        List<InstanceRecord> dead = state.instancesOf(component.name()).stream()
                .filter(instance -> !Instances.alive(instance)).toList();
        for (InstanceRecord instance : dead) {
            if (!instance.hosted() && leases.cancel(instance)) {
                out.printf("%s (port %d) is dead; its registration is cancelled.%n", instance.name(), instance.port());
            }
        }
        return state.without(instance -> instance.component().equals(component.name()) && !Instances.alive(instance));
    }

    private static Failure notRunning() {
        return new Failure("Nothing is running. Start it with: ./shopscale up");
    }
}

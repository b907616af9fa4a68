package io.shopscale.launcher.cli;

import io.shopscale.launcher.drill.Drill;
import io.shopscale.launcher.drill.DrillPlan;
import io.shopscale.launcher.drill.Fault;
import io.shopscale.launcher.drill.InstanceKill;
import io.shopscale.launcher.drill.PgCtl;
import io.shopscale.launcher.drill.PostgresOutage;
import io.shopscale.launcher.drill.ProviderAdmin;
import io.shopscale.launcher.drill.ProviderOutage;
import io.shopscale.launcher.drill.ProviderSlowdown;
import io.shopscale.launcher.drill.StoreOutage;
import io.shopscale.launcher.drill.StoresRequests;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.platform.StoreAccounts;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "drill",
        description = {"Run a fault drill: a steady load of mostly checkouts against the running platform (started "
                + "first if nothing runs), a fault injected after --lead, healed after --outage, the load kept up for "
                + "--tail after healing, then a wait until the run's orders are final and nothing is left to do, and "
                + "the bench's audit.",
                "Faults: pg-outage (PostgreSQL stopped with pg_ctl), kafka-outage (the broker shut down inside the "
                        + "stores process), redis-outage (Redis stopped), kill <service> (one instance killed with "
                        + "SIGKILL, then started again as scale does), psp-outage (the provider refuses connections), "
                        + "psp-slow (the provider answers --latency later).",
                "Prints the load, the fault, the time to the first accepted checkout after healing, the drain time and "
                        + "every invariant; report.json, report.html and report.txt go to --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invariant and check held, and every instance is up again",
                "1:the fault could not be injected or healed, or an instance is not up again afterwards",
                "2:bad arguments", "3:an invariant or a check of the drill failed",
                "4:the load generator could not run (platform, database or accounts unavailable)"})
final class DrillCommand implements Callable<Integer> {

    /** The load registers its shoppers first; on a busy machine that takes a while. */
    private static final Duration LOAD_START_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration HEALTHY_AGAIN_WAIT = Duration.ofSeconds(60);

    private static final Duration STORES_ANSWER_WAIT = Duration.ofSeconds(60);

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "FAULT",
            description = "pg-outage, kafka-outage, redis-outage, kill, psp-outage or psp-slow.")
    String fault;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SERVICE",
            description = "For kill: the service one instance of which is killed, e.g. orders.")
    String service;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "10",
            description = "Arrivals per second, 60%% of them checkouts (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--lead", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Load before the fault (default ${DEFAULT-VALUE}).")
    Duration lead;

    @Option(names = "--outage", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long the fault is kept before healing starts (default ${DEFAULT-VALUE}).")
    Duration outage;

    @Option(names = "--tail", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.class,
            description = "Load after the fault is healed (default ${DEFAULT-VALUE}).")
    Duration tail;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the load's random choices (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "psp-slow: latency added to every charge (default ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait after the load until nothing is left to do (default: 3m).")
    Duration drainTimeout;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where report.json, report.html and report.txt go (default target/drill/<time>-<fault>).")
    Path out;

    @Spec
    CommandSpec spec;

    private final Context context;

    DrillCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        DrillRequest request = request();
        PrintWriter console = spec.commandLine().getOut();
        Settings settings = context.settings(options.stateDir);
        Path loadtest = settings.home().resolve("loadtest/target/loadtest-" + settings.version() + "-exec.jar");
        if (!Files.isRegularFile(loadtest)) {
            throw new Failure("The load generator is not built (" + loadtest
                    + "). Build it with: ./mvnw -DskipTests package");
        }
        RunState state = RunningPlatform.ensure(spec, options, settings, console);
        Fault chosen = fault(request, state, settings);
        Path dir = (out != null ? out : settings.home().resolve("target/drill").resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                        + request.name().replace(' ', '-'))).toAbsolutePath();
        Path timeline = dir.resolve("timeline.json");
        Path started = dir.resolve("load-started");
        Files.createDirectories(dir);
        Files.deleteIfExists(timeline);
        Files.deleteIfExists(started);

        console.println("drill: " + commandLine(request));
        console.flush();
        var command = new ArrayList<>(List.of(settings.java().toString(), "--enable-native-access=ALL-UNNAMED",
                "-jar", loadtest.toString()));
        command.addAll(loadArguments(request, seed, drainTimeout, timeline, started, dir));
        command.addAll(BenchCommand.platformArguments(state));
        var loadProcess = new ProcessBuilder(command).directory(settings.home().toFile()).inheritIO();
        // The load's backlog probe reads every service's schema, as the embedded PostgreSQL's superuser.
        loadProcess.environment().putAll(new StoreAccounts(settings).superuserEnvironment());
        Process load = loadProcess.start();
        Drill drill = new Drill(chosen, request.plan(), timeline, started, console);
        Thread healOnInterrupt = new Thread(drill::healIfInjected, "shopscale-drill-heal");
        Runtime.getRuntime().addShutdownHook(healOnInterrupt);
        Drill.Outcome outcome;
        int loadExit;
        try {
            outcome = drill.run(load::isAlive, LOAD_START_TIMEOUT);
            if (outcome.loadStartedAt() == null && load.isAlive()) {
                load.destroy();
            }
            loadExit = load.waitFor();
        }
        finally {
            drill.healIfInjected();
            Runtime.getRuntime().removeShutdownHook(healOnInterrupt);
        }
        boolean healthy = healthyAgain(settings, console);
        if (outcome.failure() != null) {
            console.println("drill: " + outcome.failure());
        }
        console.flush();
        if (loadExit != ExitCodes.OK) {
            return loadExit;
        }
        return outcome.clean() && healthy ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private DrillRequest request() {
        try {
            return new DrillRequest(fault, service, rate, new DrillPlan(lead, outage, tail), latency);
        }
        catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }

    /** The load generator's part: a drill profile that runs until the timeline ends it, and where it writes. */
    static List<String> loadArguments(DrillRequest request, long seed, Duration drainTimeout, Path timeline,
                                      Path started, Path dir) {
        var arguments = new ArrayList<>(List.of("bench", "--profile", "drill",
                "--rate", trim(request.rate()),
                "--duration", DurationConverter.format(request.plan().loadLimit()),
                "--seed", Long.toString(seed),
                "--timeline", timeline.toString(),
                "--started-file", started.toString(),
                "--out", dir.toString()));
        if (drainTimeout != null) {
            arguments.addAll(List.of("--drain-timeout", DurationConverter.format(drainTimeout)));
        }
        return arguments;
    }

    /** The fault, pointed at this platform's processes, data and ports; refuses what it cannot reach. */
    private Fault fault(DrillRequest request, RunState state, Settings settings) {
        StoresRequests stores = new StoresRequests(settings.dataDir().resolve("control"), STORES_ANSWER_WAIT);
        return switch (request.fault()) {
            case "pg-outage" -> {
                Path data = settings.dataDir().resolve("postgres");
                if (!new PgCtl(data).running()) {
                    throw new Failure("pg-outage stops the platform's own PostgreSQL, and none runs on " + data
                            + " (is SHOPSCALE_POSTGRES_URL pointing elsewhere?)");
                }
                yield new PostgresOutage(data);
            }
            case "kafka-outage", "redis-outage" -> {
                if (!stores.available()) {
                    throw new Failure(request.fault() + " needs the stores process of this platform, which takes "
                            + "requests in " + settings.dataDir().resolve("control") + "; it is not there");
                }
                yield request.fault().equals("kafka-outage") ? StoreOutage.kafka(stores) : StoreOutage.redis(stores);
            }
            case "psp-outage" -> new ProviderOutage(provider(state, settings));
            case "psp-slow" -> new ProviderSlowdown(provider(state, settings), request.latency());
            case "kill" -> kill(request.service(), state);
            default -> throw new IllegalStateException(request.fault());
        };
    }

    private Fault kill(String component, RunState state) {
        List<InstanceRecord> live = state.instancesOf(component).stream().filter(Instances::alive)
                .sorted(Comparator.comparingInt(InstanceRecord::instance)).toList();
        if (live.isEmpty()) {
            throw new Failure("No instance of " + component + " runs; start one with: ./shopscale scale "
                    + component + "=1");
        }
        String scale = component + "=" + live.size();
        return new InstanceKill(live.getFirst(), "./shopscale scale " + scale, () -> {
            List<String> arguments = new ArrayList<>(List.of("scale", scale));
            if (options.stateDir != null) {
                arguments.addAll(List.of("--state-dir", options.stateDir.toString()));
            }
            int scaled = spec.parent().commandLine().execute(arguments.toArray(String[]::new));
            if (scaled != ExitCodes.OK) {
                throw new IOException("./shopscale scale " + scale + " exited with " + scaled);
            }
        });
    }

    private static ProviderAdmin provider(RunState state, Settings settings) {
        return PspCommand.providerAdmin(state, settings).orElseThrow(() -> new Failure(
                "The payment provider simulator is not running; the psp drills change it through its admin API."));
    }

    /** Every instance alive and ready, as status shows them, within a minute of the drill's end. */
    private static boolean healthyAgain(Settings settings, PrintWriter console) throws InterruptedException {
        var store = new StateStore(settings.runDir());
        long deadline = System.nanoTime() + HEALTHY_AGAIN_WAIT.toNanos();
        List<StatusCommand.Row> rows;
        while (true) {
            rows = store.read().map(StatusCommand::probe).orElse(List.of());
            boolean up = !rows.isEmpty() && rows.stream().allMatch(StatusCommand.Row::up);
            if (up) {
                console.printf("drill: all %d instances are up again%n", rows.size());
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            Thread.sleep(1000);
        }
        List<String> down = rows.stream().filter(row -> !row.up())
                .map(row -> "%s (pid %d) %s".formatted(row.instance().name(), row.instance().pid(),
                        row.alive() ? row.health() : "not running"))
                .toList();
        console.printf("drill: not every instance is up %d s after the drill: %s%n", HEALTHY_AGAIN_WAIT.toSeconds(),
                down.isEmpty() ? "nothing runs" : String.join(", ", down));
        return false;
    }

    private String commandLine(DrillRequest request) {
        return String.format(Locale.ROOT, "./shopscale drill %s --rate %s --lead %s --outage %s --tail %s --seed %d%s",
                request.name(), trim(request.rate()), DurationConverter.format(request.plan().lead()),
                DurationConverter.format(request.plan().outage()), DurationConverter.format(request.plan().tail()),
                seed, request.fault().equals("psp-slow") ? " --latency " + DurationConverter.format(latency) : "");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

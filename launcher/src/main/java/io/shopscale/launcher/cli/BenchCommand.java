package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.PlatformSecrets;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.platform.StoreAccounts;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "bench",
        description = {"Run the Black-Friday benchmark against the running platform (starting it first if needed), "
                + "then audit the stores and the payment provider: nothing oversold, lost or charged twice.",
                "Options after 'bench' go to the load generator, e.g. --profile black-friday|steady|spike|ci|capacity, "
                        + "--rate, --duration, --users, --seed (all of them: loadtest/README.md). Reports land in "
                        + "target/bench/. --profile capacity steps the rate up until an objective breaks and prints "
                        + "the capacity with the CPU per request of every running process.",
                "Exit code: the load generator's (0 all invariants and objectives hold, 1 an objective missed "
                        + "(capacity: even the first step broke one), 3 an invariant broke, 2/4 it could not run)."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Unmatched
    List<String> benchArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Context context;

    BenchCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = context.settings(options.stateDir);
        Path loadtest = settings.home().resolve("loadtest/target/loadtest-" + settings.version() + "-exec.jar");
        if (!Files.isRegularFile(loadtest)) {
            throw new Failure("The load generator is not built (" + loadtest + "). Build it with: ./mvnw -DskipTests package");
        }
        RunState state = RunningPlatform.ensure(spec, options, settings, out);
        var command = new ArrayList<>(List.of(settings.java().toString(), "--enable-native-access=ALL-UNNAMED", "-jar",
                loadtest.toString(), "bench"));
        command.addAll(platformArguments(state));
        command.addAll(benchArguments);
        out.flush();
        var bench = new ProcessBuilder(command).directory(settings.home().toFile()).inheritIO();
        bench.environment().putAll(loadEnvironment(settings));
        return bench.start().waitFor();
    }

    /**
     * The generated administrator password, with which the load generator resets the flash sale's stock (a password
     * the user chose reaches it with the rest of the environment), and the embedded PostgreSQL's superuser password,
     * with which it audits every service's schema. In the environment, not on the command line, where every user of
     * the machine could read them.
     */
    static Map<String, String> loadEnvironment(Settings settings) {
        var env = new LinkedHashMap<>(new StoreAccounts(settings).superuserEnvironment());
        var secrets = new PlatformSecrets(settings);
        if (!secrets.adminPasswordChosen()) {
            secrets.adminPassword().read()
                    .ifPresent(password -> env.put(PlatformSecrets.ADMIN_PASSWORD_VARIABLE, password));
        }
        return env;
    }

    /**
     * Where the benchmark finds the gateway, PostgreSQL (for its audit) and the payment provider's ledger, and which
     * processes the platform runs in (a capacity run reads their CPU time).
     */
    static List<String> platformArguments(RunState state) {
        Map<String, String> environment = state.environment();
        int gateway = port(state, Components.GATEWAY)
                .orElseThrow(() -> new Failure("The gateway is not running; start it with ./shopscale up",
                        ExitCodes.NOT_RUNNING));
        String provider = port(state, Components.PAYMENT_PROVIDER).map(port -> "http://127.0.0.1:" + port)
                .orElse("none");
        var arguments = new ArrayList<>(List.of("--gateway", "http://127.0.0.1:" + gateway, "--psp", provider));
        Optional.ofNullable(environment.get("SHOPSCALE_POSTGRES_URL"))
                .ifPresent(url -> arguments.addAll(List.of("--postgres", url)));
        Optional.ofNullable(environment.get("SHOPSCALE_POSTGRES_USER"))
                .ifPresent(user -> arguments.addAll(List.of("--postgres-user", user)));
        processes(state).forEach((pid, name) -> arguments.addAll(List.of("--process", name + "=" + pid)));
        return arguments;
    }

    /**
     * Every process of the run once, by pid: an instance of its own as component-instance (catalog-2), the compact
     * topology's JVM, which hosts several services, by the host's name.
     */
    private static Map<Long, String> processes(RunState state) {
        var processes = new LinkedHashMap<Long, String>();
        for (InstanceRecord instance : state.instances()) {
            if (instance.pid() > 0) {
                processes.putIfAbsent(instance.pid(), instance.hosted() ? instance.host()
                        : instance.component() + "-" + instance.instance());
            }
        }
        return processes;
    }

    private static Optional<Integer> port(RunState state, String component) {
        return state.instancesOf(component).stream().findFirst().map(InstanceRecord::port);
    }
}

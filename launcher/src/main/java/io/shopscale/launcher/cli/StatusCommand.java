package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.Health;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.platform.ListenAddress;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "status",
        description = {"Show every instance with its pid, port and health.",
                "Exit code 0 when all are up, 3 when any is down or nothing runs."})
final class StatusCommand implements Callable<Integer> {

    private static final String ROW = "%-10s %-9s %-24s %-8s %-6s %-12s %s%n";

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    private final Context context;

    StatusCommand(Context context) {
        this.context = context;
    }

    record Row(InstanceRecord instance, boolean alive, Health health) {

        boolean up() {
            return alive && health == Health.UP;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = context.settings(options.stateDir);
        Optional<RunState> state = new StateStore(settings.runDir()).read();
        if (state.isEmpty() || state.get().instances().isEmpty()) {
            out.println("Nothing is running. Start it with: ./shopscale up");
            return ExitCodes.NOT_RUNNING;
        }
        List<Row> rows = probe(state.get());
        Instant now = Instant.now();
        out.printf(ROW, "COMPONENT", "INSTANCE", "PORT", "PID", "ALIVE", "HEALTH", "UPTIME");
        for (Row row : rows) {
            InstanceRecord instance = row.instance();
            out.printf(ROW, instance.component(), instance.instance(), Format.ports(instance.ports()), instance.pid(),
                    row.alive() ? "yes" : "no", row.health(),
                    row.alive() ? Format.uptime(Duration.between(instance.startedAt(), now)) : "-");
        }
        long down = rows.stream().filter(row -> !row.up()).count();
        out.println();
        if (down == 0) {
            out.printf("All %d instances are up.%n", rows.size());
            return ExitCodes.OK;
        }
        out.printf("%d of %d instances are not up. See ./shopscale logs <component>.%n", down, rows.size());
        return ExitCodes.NOT_RUNNING;
    }

    /** Probes in parallel so that one unreachable instance does not make the whole table wait. */
    static List<Row> probe(RunState state) {
        String mainHost = ListenAddress.probeHost(state.environment());
        List<InstanceRecord> instances = state.instances();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Row>> rows = instances.stream()
                    .sorted(Comparator.comparingInt((InstanceRecord instance) -> Components.order(instance.component()))
                            .thenComparingInt(InstanceRecord::instance))
                    .map(instance -> executor.submit(() -> probe(instance, mainHost)))
                    .toList();
            return rows.stream().map(StatusCommand::join).toList();
        }
    }

    private static Row probe(InstanceRecord instance, String mainHost) {
        boolean alive = Instances.alive(instance);
        Health health = Components.find(instance.component())
                .filter(component -> !instance.ports().isEmpty())
                .map(component -> component.readinessCheck(instance.ports(), mainHost).probe())
                .orElse(Health.UNREACHABLE);
        return new Row(instance, alive, health);
    }

    private static Row join(Future<Row> row) {
        try {
            return row.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}

package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "down",
        description = "Stop every process of the platform, the gateway first and the stores last.")
final class DownCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    private final Context context;

    DownCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = context.settings(options.stateDir);
        var store = new StateStore(settings.runDir());
        long begin = System.nanoTime();
        try (var lock = store.lock(Context.LOCK_WAIT, () -> out.println("Waiting for another shopscale command to finish..."))) {
            Optional<RunState> state = store.read();
            if (state.isEmpty()) {
                out.println("Nothing is running.");
                return ExitCodes.OK;
            }
            boolean anyAlive = state.get().instances().stream()
                    .anyMatch(instance -> Instances.alive(instance));
            if (!anyAlive) {
                store.delete();
                out.println("Nothing is running (cleared the state of an earlier run whose processes are gone).");
                return ExitCodes.OK;
            }
            out.println("Stopping ShopScale...");
            out.flush();
            new Shutdown(context.supervisor(), out, context.stopGrace(), settings.dataDir()).stopAll(state.get().instances());
            store.delete();
            out.println("ShopScale stopped in " + Format.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ".");
            return ExitCodes.OK;
        }
    }
}

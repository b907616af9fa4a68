package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The platform as it runs now, for commands that need one running: started detached first when nothing runs. */
final class RunningPlatform {

    private RunningPlatform() {
    }

    static RunState ensure(CommandSpec spec, CommonOptions options, Settings settings, PrintWriter out) {
        var store = new StateStore(settings.runDir());
        Optional<RunState> state = store.read().filter(run -> !run.instances().isEmpty());
        if (state.isEmpty()) {
            out.println("Nothing is running; starting the platform first.");
            List<String> up = new ArrayList<>(List.of("up", "--detach"));
            if (options.stateDir != null) {
                up.addAll(List.of("--state-dir", options.stateDir.toString()));
            }
            int started = spec.parent().commandLine().execute(up.toArray(String[]::new));
            if (started != ExitCodes.OK) {
                throw new Failure("The platform did not start; see above.", started);
            }
            state = store.read().filter(run -> !run.instances().isEmpty());
        }
        return state.orElseThrow(() -> new Failure("The platform is not running.", ExitCodes.NOT_RUNNING));
    }
}

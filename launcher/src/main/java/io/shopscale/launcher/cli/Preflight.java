package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.PortClaim;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What {@code up} checks before it starts anything, so that a start never fails halfway for a known reason. */
final class Preflight {

    private Preflight() {
    }

    static void refuseIfRunning(StateStore store, PrintWriter out) {
        Optional<RunState> state = store.read();
        if (state.isEmpty()) {
            return;
        }
        List<InstanceRecord> live = state.get().instances().stream().filter(Instances::alive).toList();
        if (!live.isEmpty()) {
            throw new Failure("ShopScale is already running (%d processes, started %s ago). See ./shopscale status, or stop it with ./shopscale down."
                    .formatted(live.size(), Format.uptime(Duration.between(state.get().startedAt(), Instant.now()))));
        }
        out.println("Clearing the state of an earlier run whose processes are gone.");
        store.delete();
    }

    static void requireJars(List<Component> components, Settings settings) {
        List<String> missing = components.stream()
                .map(component -> component.jar(settings.home(), settings.version()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> "  " + settings.home().relativize(jar))
                .toList();
        if (!missing.isEmpty()) {
            throw new Failure("These jars are missing:%n%s%nBuild them with: ./mvnw -q -DskipTests package (./shopscale does this by itself when jars are missing)"
                    .formatted(String.join(System.lineSeparator(), missing)));
        }
    }

    static void requireFreePorts(List<PortClaim> claims) {
        List<String> conflicts = PortClaim.conflicts(claims, Ports::inUse);
        if (!conflicts.isEmpty()) {
            throw new Failure(String.join(System.lineSeparator(), conflicts));
        }
    }

    static void createDirectories(Settings settings) {
        try {
            for (Path dir : List.of(settings.dataDir(), settings.logsDir(), settings.runDir(), settings.cdsDir())) {
                Files.createDirectories(dir);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create " + settings.stateDir(), ex);
        }
    }
}

package io.shopscale.launcher.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who a start still waits for, put in one line so that a user on a slow machine sees it is moving. */
final class Waiting {

    private final long since = System.nanoTime();

    private final List<String> starting = new ArrayList<>();

    private int queued;

    Waiting(int queued) {
        this.queued = queued;
    }

    synchronized void started(String name) {
        queued--;
        starting.add(name);
    }

    synchronized void finished(String name) {
        starting.remove(name);
    }

    /** Empty once nothing is left to wait for. */
    synchronized Optional<String> line(Optional<Double> load) {
        if (starting.isEmpty()) {
            return Optional.empty();
        }
        var line = new StringBuilder("  waiting for ").append(String.join(", ", starting));
        if (queued > 0) {
            line.append(" (").append(queued).append(" more queued)");
        }
        line.append(": ").append(Duration.ofNanos(System.nanoTime() - since).toSeconds()).append(" s");
        load.ifPresent(average -> line.append(String.format(Locale.ROOT, ", load %.1f", average)));
        return Optional.of(line.toString());
    }
}

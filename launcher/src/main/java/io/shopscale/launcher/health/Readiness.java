package io.shopscale.launcher.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a starting process to become ready or to exit. It gives up when the process stalls (no progress for the
 * {@link Patience#stallWindow() stall window}) or when it reaches the {@link Patience#cap() cap}, whichever comes first.
 */
public final class Readiness {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    /** Reading the processor time means scanning /proc for descendants, so it happens less often than probes. */
    private static final Duration WORK_INTERVAL = Duration.ofSeconds(1);

    private Readiness() {
    }

    public sealed interface Outcome {
        Duration after();
    }

    public record Ready(Duration after) implements Outcome {
    }

    public record Exited(int exitCode, Duration after) implements Outcome {
    }

    /** Neither its log nor its processor time grew for {@code quietFor}. */
    public record Stalled(Duration quietFor, Duration after) implements Outcome {
    }

    /** Still busy but not ready at the cap. */
    public record TimedOut(Duration after) implements Outcome {
    }

    public static Outcome await(Process process, HealthCheck check, Patience patience, WorkMeter meter) {
        long start = System.nanoTime();
        var progress = new ProgressWatch(patience, meter.read(), start);
        long workInterval = Math.min(WORK_INTERVAL.toNanos(), patience.stallWindow().toNanos() / 4);
        long lastReading = start;
        while (true) {
            if (!process.isAlive()) {
                return new Exited(process.exitValue(), since(start));
            }
            if (check.probe() == Health.UP) {
                return new Ready(since(start));
            }
            long now = System.nanoTime();
            if (now - lastReading >= workInterval) {
                progress.observe(meter.read(), now);
                lastReading = now;
            }
            if (progress.stalled(now)) {
                return new Stalled(patience.stallWindow(), since(start));
            }
            if (now - start >= patience.cap().toNanos()) {
                return new TimedOut(since(start));
            }
            try {
                process.waitFor(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return new TimedOut(since(start));
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

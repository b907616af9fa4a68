package io.shopscale.launcher.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a starting process to become ready, to exit, or to run out of time, whichever comes first. */
public final class Readiness {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Readiness() {
    }

    public sealed interface Outcome {
        Duration after();
    }

    public record Ready(Duration after) implements Outcome {
    }

    public record Exited(int exitCode, Duration after) implements Outcome {
    }

    public record TimedOut(Duration after) implements Outcome {
    }

    public static Outcome await(Process process, HealthCheck check, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                return new Exited(process.exitValue(), since(start));
            }
            if (check.probe() == Health.UP) {
                return new Ready(since(start));
            }
            if (System.nanoTime() - deadline >= 0) {
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

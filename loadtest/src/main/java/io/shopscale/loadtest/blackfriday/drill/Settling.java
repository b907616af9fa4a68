package io.shopscale.loadtest.blackfriday.drill;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.Drain;

/**
 * After the load, asks twice a second what is left to do for the run ({@link Backlog}) until nothing is, or the
 * timeout passes. A reading that fails (the database still coming back) counts as not drained and is asked again.
 */
final class Settling {

    static final Duration INTERVAL = Duration.ofMillis(500);

    private final Probe probe;
    private final Duration timeout;
    private final Drain.Pause pause;
    private final LongSupplier nanoClock;
    private final Supplier<Instant> wallClock;
    private final PrintWriter err;

    Settling(Probe probe, Duration timeout, Drain.Pause pause, LongSupplier nanoClock, Supplier<Instant> wallClock,
             PrintWriter err) {
        this.probe = probe;
        this.timeout = timeout;
        this.pause = pause;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.err = err;
    }

    Outcome await() throws InterruptedException {
        long start = nanoClock.getAsLong();
        long deadline = start + timeout.toNanos();
        long lastSaid = start - Duration.ofSeconds(5).toNanos();
        String remaining = "not read yet";
        while (true) {
            try {
                Backlog backlog = probe.read();
                if (backlog.empty()) {
                    Instant at = wallClock.get();
                    err.printf("drained: nothing left to do for the run after %ds%n",
                            Duration.ofNanos(nanoClock.getAsLong() - start).toSeconds());
                    err.flush();
                    return new Outcome(true, at, "nothing");
                }
                remaining = backlog.describe();
            }
            catch (AuditException ex) {
                remaining = "unknown (" + ex.getMessage() + ")";
            }
            long now = nanoClock.getAsLong();
            if (now >= deadline) {
                err.printf("not drained after %ds: %s%n", timeout.toSeconds(), remaining);
                err.flush();
                return new Outcome(false, null, remaining);
            }
            if (now - lastSaid >= Duration.ofSeconds(5).toNanos()) {
                err.printf("draining (%ds of at most %ds): %s%n", Duration.ofNanos(now - start).toSeconds(),
                        timeout.toSeconds(), remaining);
                err.flush();
                lastSaid = now;
            }
            pause.sleep(Duration.ofNanos(Math.min(INTERVAL.toNanos(), deadline - now)));
        }
    }

    /** Reads the backlog now. */
    @FunctionalInterface
    interface Probe {

        Backlog read() throws AuditException;
    }

    /**
     * @param at        when the backlog was first seen empty; null if it never was
     * @param remaining what was left when waiting stopped
     */
    record Outcome(boolean drained, Instant at, String remaining) {
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * After the load, waits until none of the run's orders is {@code PENDING_PAYMENT} in the database, or the timeout
 * passes: without a payment service orders wait for their payment deadline, and the verdict must then report them,
 * not hang. Asks once a second.
 */
public final class Drain {

    private final GroundTruth truth;
    private final Duration timeout;
    private final Pause pause;
    private final LongSupplier nanoClock;
    private final PrintWriter err;

    public Drain(GroundTruth truth, Duration timeout, Pause pause, LongSupplier nanoClock, PrintWriter err) {
        this.truth = truth;
        this.timeout = timeout;
        this.pause = pause;
        this.nanoClock = nanoClock;
        this.err = err;
    }

    public Outcome await(Collection<String> userIds, Supplier<Collection<UUID>> accepted)
            throws AuditException, InterruptedException {
        long start = nanoClock.getAsLong();
        long deadline = start + timeout.toNanos();
        int asked = 0;
        while (true) {
            long pending = truth.pending(userIds, accepted.get());
            long now = nanoClock.getAsLong();
            Duration waited = Duration.ofNanos(now - start);
            if (pending == 0 || now >= deadline) {
                err.printf("settled: %d of the run's orders still PENDING_PAYMENT after %ds%n", pending,
                        waited.toSeconds());
                err.flush();
                return new Outcome(pending == 0, pending, waited);
            }
            if (asked++ % 5 == 0) {
                err.printf("settling: %d of the run's orders PENDING_PAYMENT (%ds of at most %ds)%n", pending,
                        waited.toSeconds(), timeout.toSeconds());
                err.flush();
            }
            pause.sleep(Duration.ofNanos(Math.min(Duration.ofSeconds(1).toNanos(), deadline - now)));
        }
    }

    /** Waiting between questions; tests pass one that moves a fake clock instead. */
    @FunctionalInterface
    public interface Pause {

        void sleep(Duration duration) throws InterruptedException;
    }

    /** Whether every order settled, how many did not, and how long it took. */
    public record Outcome(boolean drained, long pending, Duration waited) {
    }
}

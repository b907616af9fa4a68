package io.shopscale.loadtest.blackfriday.audit;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * After the load, waits until the run has nothing left in motion in the database (see {@link Pending}: every order
 * placed during the run final, whether or not a client saw it, no reservation of a finished order left, no payment
 * pending and no refund owed), or the timeout passes: without a payment service orders wait for their payment
 * deadline, and the verdict must then report them, not hang. Asks once a second.
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

    /** {@code scope} is asked anew each time: orders keep being accepted while the last answers come in. */
    public Outcome await(Supplier<RunScope> scope) throws AuditException, InterruptedException {
        long start = nanoClock.getAsLong();
        long deadline = start + timeout.toNanos();
        int asked = 0;
        while (true) {
            Pending pending = truth.pending(scope.get());
            long now = nanoClock.getAsLong();
            Duration waited = Duration.ofNanos(now - start);
            if (pending.total() == 0 || now >= deadline) {
                err.printf("settled: %s still in motion after %ds%n", pending.describe(), waited.toSeconds());
                err.flush();
                return new Outcome(pending.total() == 0, pending, waited);
            }
            if (asked++ % 5 == 0) {
                err.printf("settling: %s (%ds of at most %ds)%n", pending.describe(), waited.toSeconds(),
                        timeout.toSeconds());
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

    /**
     * Whether the run settled, what was still in motion when the wait ended ({@code null}: it could not be read),
     * and how long it took.
     */
    public record Outcome(boolean drained, Pending pending, Duration waited) {

        /** Everything still in motion, or -1 if that could not be read. */
        public long count() {
            return pending == null ? -1 : pending.total();
        }
    }
}

package io.shopscale.loadtest.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends calls on a fixed {@link Schedule}, each on its own virtual thread, and records each measured call's
 * outcome with its latency counted from the due time (no coordinated omission). Calls due during the warmup run
 * but are not recorded. At most {@code maxInFlight} calls are outstanding: a call due while all slots are taken is
 * dropped and counted, so an overloaded system shows up as drops instead of an unbounded pile of threads.
 */
public final class OpenLoopDriver {

    private final double rate;
    private final int maxInFlight;
    private final PrintWriter err;

    public OpenLoopDriver(double rate, int maxInFlight, PrintWriter err) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("--max-in-flight must be at least 1");
        }
        this.rate = rate;
        this.maxInFlight = maxInFlight;
        this.err = err;
    }

    /** Runs warmup then the measured window; {@code next} is asked for each call on the scheduling thread. */
    public Summary run(Duration warmup, Duration window, Duration drain, Supplier<Callable<String>> next,
                       Outcomes outcomes) throws InterruptedException {
        InFlight inFlight = new InFlight(maxInFlight);
        Schedule schedule = Schedule.of(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10), rate);
        long firstMeasured = schedule.countWithin(warmup.toNanos());
        long total = schedule.countWithin(warmup.toNanos() + window.toNanos());
        for (long i = 0; i < total; i++) {
            long due = schedule.due(i);
            InFlight.parkUntil(due);
            boolean measured = i >= firstMeasured;
            Callable<String> call = next.get();
            boolean started = inFlight.tryStart(() -> {
                String outcome = outcomeOf(call);
                if (measured) {
                    outcomes.record(outcome, System.nanoTime() - due);
                }
            });
            if (!started && measured) {
                outcomes.dropped();
            }
        }
        if (!inFlight.awaitIdle(drain)) {
            err.printf("warning: %d calls still unanswered %s after the window; they are not counted%n",
                    inFlight.outstanding(), drain);
        }
        return outcomes.summary(window.toNanos() / 1e9);
    }

    private static String outcomeOf(Callable<String> call) {
        try {
            return call.call();
        }
        catch (Exception ex) {
            return "error";
        }
    }
}

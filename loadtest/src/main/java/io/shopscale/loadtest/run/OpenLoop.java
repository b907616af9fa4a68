package io.shopscale.loadtest.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-model driver. Request {@code i} is due at {@code start + i / rate}, whether or not earlier requests
 * have answered, and its latency is measured from that due time. When every in-flight slot is taken the
 * driver waits for one and sends late; the wait shows up in the latency instead of silently lowering the
 * offered load (coordinated omission). Requests still waiting for a slot when the window closes are dropped.
 */
final class OpenLoop {

    /** Sending later than this after the due time counts as late: well above timer jitter. */
    static final long LATE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final OpenLoopRuntime runtime;
    private final RequestPicker picker;
    private final PhaseStats stats;
    private final double periodNanos;
    private final AtomicLong outstanding = new AtomicLong();

    OpenLoop(OpenLoopRuntime runtime, RequestPicker picker, PhaseStats stats, double rate) {
        this.runtime = runtime;
        this.picker = picker;
        this.stats = stats;
        this.periodNanos = 1e9 / rate;
    }

    /**
     * Runs the schedule for {@code window}, then waits up to {@code drain} for answers still outstanding.
     * Returns the window length in nanoseconds, the time over which the load was offered.
     */
    long run(Duration window, Duration drain) {
        long windowNanos = window.toNanos();
        long planned = (long) Math.ceil(windowNanos / periodNanos);
        long start = runtime.nanoTime();
        long end = start + windowNanos;
        long sent = 0;
        while (sent < planned) {
            long due = start + (long) (sent * periodNanos);
            runtime.parkUntil(due);
            if (!runtime.acquireSlot(end)) {
                break;
            }
            if (runtime.nanoTime() - due > LATE_AFTER_NANOS) {
                stats.late();
            }
            outstanding.incrementAndGet();
            runtime.send(picker.next(), outcome -> {
                stats.record(outcome, runtime.nanoTime() - due);
                outstanding.decrementAndGet();
                runtime.releaseSlot();
            });
            sent++;
        }
        stats.dropped(planned - sent);
        if (!runtime.awaitIdle(Math.max(end, runtime.nanoTime()) + drain.toNanos())) {
            // Still unanswered well past the request timeout: report them rather than let them vanish.
            stats.abandoned(outstanding.get());
        }
        return windowNanos;
    }
}

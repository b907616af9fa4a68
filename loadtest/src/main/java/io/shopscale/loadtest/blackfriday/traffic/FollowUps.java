package io.shopscale.loadtest.blackfriday.traffic;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.shopscale.loadtest.bench.InFlight;

/**
 * Requests that a response causes later: order status polls and checkout resends. Each has its own due time, and
 * its latency counts from it, like an arrival's; it takes an in-flight slot like one, and is dropped and counted when
 * none is free. One timer thread only hands them to virtual threads, so it is never the one waiting on the network.
 */
final class FollowUps implements AutoCloseable {

    private final InFlight inFlight;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-follow-ups");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopped;

    FollowUps(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    /** Runs {@code call} with its due time at {@code dueNanos}, or {@code whenDropped} if no slot is free then. */
    void at(long dueNanos, LongConsumer call, Runnable whenDropped) {
        if (stopped) {
            return;
        }
        try {
            timer.schedule(() -> {
                if (!stopped && !inFlight.tryStart(() -> call.accept(dueNanos))) {
                    whenDropped.run();
                }
            }, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException ex) {
            // Stopped between the check and the call: the run is over, nothing more is sent.
        }
    }

    /** No further follow-ups start; those already running finish. */
    void stop() {
        stopped = true;
        timer.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}

package io.shopscale.loadtest.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model's bound on outstanding work: each call runs on its own virtual thread while it holds one of
 * {@code limit} slots. A call due while every slot is taken is refused at once rather than queued, so an overloaded
 * system shows up as refusals the caller counts, and the generator's memory stays bounded whatever the target does.
 */
public final class InFlight {

    private final int limit;
    private final Semaphore slots;

    public InFlight(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--max-in-flight must be at least 1");
        }
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Starts {@code call} on a virtual thread if a slot is free; false (and nothing started) otherwise. */
    public boolean tryStart(Runnable call) {
        if (!slots.tryAcquire()) {
            return false;
        }
        try {
            Thread.startVirtualThread(() -> {
                try {
                    call.run();
                }
                finally {
                    slots.release();
                }
            });
            return true;
        }
        catch (RuntimeException | Error ex) {
            slots.release();
            throw ex;
        }
    }

    public int outstanding() {
        return limit - slots.availablePermits();
    }

    /** Waits up to {@code timeout} for every started call to finish; false if some are still running. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!slots.tryAcquire(limit, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        slots.release(limit);
        return true;
    }

    /** Parks the calling thread until {@link System#nanoTime()} reaches {@code deadline}. */
    public static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}

package io.shopscale.loadtest.run;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.shopscale.loadtest.http.Outcome;
import io.shopscale.loadtest.http.Transport.PreparedRequest;

/** The real clock, a semaphore for in-flight slots, and one virtual thread per request. */
final class SystemOpenLoopRuntime implements OpenLoopRuntime {

    private final int maxInFlight;
    private final Semaphore slots;

    SystemOpenLoopRuntime(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    @Override
    public boolean acquireSlot(long deadline) {
        try {
            return slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void releaseSlot() {
        slots.release();
    }

    @Override
    public boolean awaitIdle(long deadline) {
        try {
            if (slots.tryAcquire(maxInFlight, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                slots.release(maxInFlight);
                return true;
            }
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void send(PreparedRequest request, Consumer<Outcome> onDone) {
        Thread.startVirtualThread(() -> onDone.accept(request.execute()));
    }
}

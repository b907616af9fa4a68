package io.shopscale.payment.charging;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded set of virtual-thread workers for provider calls, fed by one poll: the poll asks how many are free,
 * claims that much work, and starts each piece. No call runs on the poller, so the scheduler that every poll of the
 * service shares is never held up.
 */
final class Workers {

    private final Semaphore permits;
    private final ExecutorService executor;
    private volatile boolean stopping;

    Workers(String name, int size) {
        this.permits = new Semaphore(size);
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    /** How many workers are free; none once stopping. */
    int free() {
        return stopping ? 0 : permits.availablePermits();
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Starts the task on a free worker. Only the (never overlapping) poll starts tasks, and it saw enough free. Once
     * shutting down the task is dropped: its claim runs out and the work is due again.
     */
    void start(Runnable task) {
        permits.acquireUninterruptibly();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
        }
    }

    /** Stops taking tasks and waits for running ones; false if some were still running after {@code wait}. */
    boolean stop(Duration wait) throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        executor.shutdownNow();
        return false;
    }
}

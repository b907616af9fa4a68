package io.shopscale.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Closed model: {@code concurrency} virtual threads, each calling again as soon as its previous call answered,
 * for the warmup and then the measured window. This finds the throughput ceiling; a call is measured when it
 * starts inside the window.
 */
public final class ClosedLoopDriver {

    private final int concurrency;

    public ClosedLoopDriver(int concurrency) {
        this.concurrency = concurrency;
    }

    public Summary run(Duration warmup, Duration window, Supplier<String> call, Outcomes outcomes)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + window.toNanos();
        List<Thread> workers = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.startVirtualThread(() -> {
                long started;
                while ((started = System.nanoTime()) < end) {
                    String outcome = call.get();
                    if (started >= measureFrom) {
                        outcomes.record(outcome, System.nanoTime() - started);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return outcomes.summary(window.toNanos() / 1e9);
    }
}

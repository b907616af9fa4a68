package io.shopscale.loadtest.run;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Closed-model driver: {@code concurrency} virtual-thread workers, each sending its next request as soon as
 * the previous one answered, until the window closes. Latency counts from the actual send.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Returns the measured time: from start until the last worker's final request answered. */
    static long run(Target target, int concurrency, Duration window, long seed, int round, PhaseStats stats) {
        long start = System.nanoTime();
        long deadline = start + window.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                RequestPicker picker = new RequestPicker(target.requests(), seed, round, w);
                workers.execute(() -> work(picker, deadline, stats));
            }
        }
        return System.nanoTime() - start;
    }

    private static void work(RequestPicker picker, long deadline, PhaseStats stats) {
        long sentAt;
        while ((sentAt = System.nanoTime()) < deadline) {
            var outcome = picker.next().execute();
            stats.record(outcome, System.nanoTime() - sentAt);
        }
    }
}

package io.shopscale.launcher.health;

/**
 * Remembers when an instance last made progress: its log grew, or it used at least the minimum processor time since
 * the progress before. Times are {@link System#nanoTime()} readings.
 */
final class ProgressWatch {

    private final Patience patience;

    private Work lastProgress;

    private long lastProgressAt;

    ProgressWatch(Patience patience, Work start, long startedAt) {
        this.patience = patience;
        this.lastProgress = start;
        this.lastProgressAt = startedAt;
    }

    void observe(Work work, long at) {
        boolean wrote = work.logBytes() > lastProgress.logBytes();
        boolean computed = work.cpu().minus(lastProgress.cpu()).compareTo(patience.minCpu()) >= 0;
        if (wrote || computed) {
            lastProgress = work;
            lastProgressAt = at;
        }
        else if (work.logBytes() < lastProgress.logBytes()) {
            // A log rotated or truncated under it; its new size is where growth is measured from.
            lastProgress = new Work(work.logBytes(), lastProgress.cpu());
        }
    }

    boolean stalled(long now) {
        return now - lastProgressAt >= patience.stallWindow().toNanos();
    }
}

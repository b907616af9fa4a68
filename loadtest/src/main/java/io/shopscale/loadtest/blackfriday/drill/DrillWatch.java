package io.shopscale.loadtest.blackfriday.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.traffic.LoadObserver;

/**
 * The load generator's side of a drill during the load: says when the load started (in the started file, for the
 * injector to time the fault by), keeps every answer with its wall-clock time, and ends the load when the fault's
 * timeline says so. The timeline is read at most every {@value #REREAD_MILLIS} ms, since the load asks on every
 * arrival.
 */
final class DrillWatch implements LoadObserver {

    static final long REREAD_MILLIS = 200;

    private final Path timelineFile;
    private final Path startedFile;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile long startNanos;
    private volatile Instant startedAt;
    private volatile FaultTimeline timeline = FaultTimeline.NONE;
    private volatile long readAtNanos;
    private volatile String unreadable;

    DrillWatch(Path timelineFile, Path startedFile) {
        this.timelineFile = timelineFile;
        this.startedFile = startedFile;
        this.readAtNanos = System.nanoTime() - 2 * REREAD_MILLIS * 1_000_000;
    }

    @Override
    public void started(long startNanos) {
        this.startNanos = startNanos;
        this.startedAt = Instant.now().plusNanos(startNanos - System.nanoTime());
        if (startedFile != null) {
            try {
                Path parent = startedFile.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path partial = parent.resolve(startedFile.getFileName() + ".partial");
                Files.writeString(partial, startedAt + "\n");
                Files.move(partial, startedFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot write " + startedFile, ex);
            }
        }
    }

    @Override
    public double endSeconds() {
        Instant end = timeline().loadEndsAt();
        if (end == null || startedAt == null) {
            return Double.POSITIVE_INFINITY;
        }
        return Duration.between(startedAt, end).toNanos() / 1e9;
    }

    @Override
    public void answered(Endpoint endpoint, String outcome, long answeredNanos) {
        Instant at = startedAt == null ? Instant.now() : startedAt.plusNanos(answeredNanos - startNanos);
        answers.add(new Answer(endpoint, outcome, at));
    }

    /** The timeline as last read; reads it again when the last reading is old. */
    FaultTimeline timeline() {
        long now = System.nanoTime();
        if (now - readAtNanos >= REREAD_MILLIS * 1_000_000) {
            synchronized (this) {
                if (now - readAtNanos >= REREAD_MILLIS * 1_000_000) {
                    reread();
                    readAtNanos = now;
                }
            }
        }
        return timeline;
    }

    /** Reads the timeline now, as it is after the load. */
    synchronized FaultTimeline finalTimeline() {
        reread();
        return timeline;
    }

    Instant startedAt() {
        return startedAt;
    }

    List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    /** Why the timeline could not be read the last time, or null. */
    String unreadable() {
        return unreadable;
    }

    private void reread() {
        try {
            timeline = FaultTimeline.read(timelineFile);
            unreadable = null;
        }
        catch (IOException ex) {
            // Keep the last good reading; the report says what went wrong if it stays so.
            unreadable = ex.getMessage();
        }
    }
}

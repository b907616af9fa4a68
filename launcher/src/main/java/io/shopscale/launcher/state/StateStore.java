package io.shopscale.launcher.state;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The run state in {@code <state>/run/state.json}. Writes replace the file atomically, so a reader never sees half
 * of one; commands that change the platform hold {@code <state>/run/lock} so that two launchers never interleave.
 */
public final class StateStore {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Duration LOCK_POLL = Duration.ofMillis(100);

    private final Path runDir;

    public StateStore(Path runDir) {
        this.runDir = runDir;
    }

    public Path file() {
        return runDir.resolve("state.json");
    }

    public Optional<RunState> read() {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file()), RunState.class));
        }
        catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        catch (IOException | JacksonException ex) {
            throw new StateException("cannot read " + file() + " (" + ex.getMessage()
                    + "); if no ShopScale process runs any more, delete it", ex);
        }
    }

    public void write(RunState state) {
        Path temp = null;
        try {
            Files.createDirectories(runDir);
            // Same directory, so the move below is a rename on one file system.
            temp = Files.createTempFile(runDir, "state-", ".json.tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer json = ByteBuffer.wrap(JSON.writeValueAsBytes(state));
                while (json.hasRemaining()) {
                    channel.write(json);
                }
                channel.force(true);
            }
            Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException | JacksonException ex) {
            throw new StateException("cannot write " + file() + ": " + ex.getMessage(), ex);
        }
        finally {
            deleteQuietly(temp);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file());
        }
        catch (IOException ex) {
            throw new StateException("cannot delete " + file() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Takes the launcher lock, waiting up to {@code timeout} for another launcher to finish.
     *
     * @param onWait called once if the lock is busy, to tell the user why nothing happens
     */
    public Lock lock(Duration timeout, Runnable onWait) {
        try {
            Files.createDirectories(runDir);
            FileChannel channel = FileChannel.open(runDir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    writeHolder(channel);
                    return new Lock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    channel.close();
                    throw new StateException("another shopscale command is still changing the platform (it holds "
                            + runDir.resolve("lock") + "); try again when it has finished");
                }
                if (!told) {
                    onWait.run();
                    told = true;
                }
                Thread.sleep(LOCK_POLL);
            }
        }
        catch (IOException ex) {
            throw new StateException("cannot lock " + runDir.resolve("lock") + ": " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting for " + runDir.resolve("lock"));
        }
    }

    /**
     * Whether another live process holds the launcher lock right now: a {@code down} or a {@code scale} is stopping
     * instances on purpose. Read from the holder's pid, which the lock file carries while it is held.
     */
    public boolean lockedByAnotherProcess() {
        String holder;
        try {
            holder = Files.readString(runDir.resolve("lock")).trim();
        }
        catch (IOException absentOrUnreadable) {
            return false;
        }
        if (!holder.matches("\\d{1,19}")) {
            return false;
        }
        long pid = Long.parseLong(holder);
        return pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            }
            catch (IOException ignored) {
                // a stray temp file is harmless and named so that nobody mistakes it for the state
            }
        }
    }

    /** Held until closed. */
    public static final class Lock implements AutoCloseable {

        private final FileChannel channel;

        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try (channel) {
                channel.truncate(0);
                lock.release();
            }
            catch (IOException ignored) {
                // closing the channel releases the lock anyway
            }
        }
    }
}

package io.shopscale.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Finds a recorded process again, without mistaking an unrelated process that got the same pid for it. */
public final class Liveness {

    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    private Liveness() {
    }

    /**
     * The live process with this pid if its command line runs {@code jar}; when the command line cannot be read, the
     * start time must match instead.
     */
    public static Optional<ProcessHandle> find(long pid, String jar, Instant startedAt) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> !isZombie(process.pid()))
                .filter(process -> process.info().commandLine()
                        .map(commandLine -> commandLine.contains(jar))
                        .orElseGet(() -> sameStart(process, startedAt)));
    }

    public static boolean isAlive(long pid, String jar, Instant startedAt) {
        return find(pid, jar, startedAt).isPresent();
    }

    /**
     * A process that exited but was not yet reaped by its parent (for a platform process, whoever adopted it once the
     * launcher that started it exited) is still listed, with its pid and start time, for a while; it is gone all the
     * same. Linux says so in {@code /proc/<pid>/stat}; elsewhere nothing is a zombie.
     */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int endOfName = stat.lastIndexOf(')');
            return endOfName > 0 && stat.length() > endOfName + 2 && stat.charAt(endOfName + 2) == 'Z';
        }
        catch (IOException | RuntimeException noProcFileSystem) {
            return false;
        }
    }

    private static boolean sameStart(ProcessHandle process, Instant startedAt) {
        return startedAt != null && process.info().startInstant()
                .map(start -> Duration.between(start, startedAt).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(false);
    }
}

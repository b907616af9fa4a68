package io.shopscale.launcher.platform;

import io.shopscale.launcher.process.Supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * AOT caches (JDK 25) that a start can trust. A JVM writes its cache as it exits, and one stopped or killed while
 * writing leaves a partial or empty file behind; a JVM given such a file as its cache starts without it, slowly,
 * and nothing would ever replace it. So the training instance writes to a name of its own,
 * {@code <base>.aot.training-<random>}, never to the cache itself. Before instances start, {@link #settle} looks at
 * the training files whose writer has exited: one that a JVM accepts with {@code -XX:AOTMode=on} (which fails the
 * JVM's start when the cache cannot be used) becomes {@code <base>.aot}, by a rename; any other is deleted, so the
 * next start trains again. An empty {@code <base>.aot} counts as no cache at all.
 */
final class ClassCaches {

    static final String TRAINING = ".aot.training-";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Decides whether a JVM can use a cache. */
    @FunctionalInterface
    interface Check {
        boolean accepts(Path cache);
    }

    private final Predicate<Path> beingWritten;

    /**
     * @param beingWritten whether a running JVM may still write the file
     */
    ClassCaches(Predicate<Path> beingWritten) {
        this.beingWritten = beingWritten;
    }

    /** A training file is being written while the JVM that trains it runs: its command line names the file. */
    static ClassCaches ofThisMachine() {
        return new ClassCaches(file -> !Supervisor.mentioning(file.toString()).isEmpty());
    }

    static Path cache(Path base) {
        return Path.of(base + ".aot");
    }

    /** The cache to start with, if there is one worth using. */
    static Optional<Path> usable(Path base) {
        Path cache = cache(base);
        try {
            return Files.isRegularFile(cache) && Files.size(cache) > 0 ? Optional.of(cache) : Optional.empty();
        }
        catch (IOException vanished) {
            return Optional.empty();
        }
    }

    /** A fresh name for a training instance to write to; fixed length, so that no name is a prefix of another. */
    static Path newTrainingFile(Path base) {
        return Path.of(base + TRAINING + "%016x".formatted(RANDOM.nextLong()));
    }

    /** Turns finished training files into the cache, or deletes them; leaves those still being written alone. */
    void settle(Path base, Check check) {
        Path cache = cache(base);
        if (usable(base).isEmpty()) {
            delete(cache);
        }
        for (Path file : trainingFiles(base)) {
            // The JVM keeps the profile it trains in <file>.config until it has written the cache.
            Path training = file.toString().endsWith(".config")
                    ? Path.of(file.toString().substring(0, file.toString().length() - ".config".length()))
                    : file;
            if (beingWritten.test(training)) {
                continue;
            }
            if (training.equals(file) && usable(base).isEmpty() && nonEmpty(file) && check.accepts(file)) {
                move(file, cache);
            }
            else {
                delete(file);
            }
        }
    }

    private static List<Path> trainingFiles(Path base) {
        String prefix = base.getFileName() + TRAINING;
        try (Stream<Path> files = Files.list(base.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
        catch (IOException noCachesYet) {
            return List.of();
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        }
        catch (IOException vanished) {
            return false;
        }
    }

    private static void move(Path file, Path cache) {
        try {
            Files.move(file, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            // another launcher got there first, or the directory is read-only: either way the file is not used
        }
    }
}

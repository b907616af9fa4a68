package io.shopscale.launcher.process;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Starts platform processes detached from the launcher and stops them: politely first, then for sure. */
public final class Supervisor {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final List<String> sessionPrefix;

    public Supervisor() {
        this(findSetsid().map(setsid -> List.of(setsid.toString())).orElse(List.of()));
    }

    Supervisor(List<String> sessionPrefix) {
        this.sessionPrefix = List.copyOf(sessionPrefix);
    }

    /**
     * Starts the instance with output appended to its log and no terminal: in its own session when {@code setsid}
     * exists, so that a Ctrl-C meant for a later command does not reach it and it outlives the launcher.
     */
    public Child start(LaunchSpec spec) throws IOException {
        Files.createDirectories(spec.log().getParent());
        Files.writeString(spec.log(), "%n--- shopscale: starting %s at %s%n--- %s%n".formatted(spec.name(),
                Instant.now(), String.join(" ", spec.command())), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        var command = new ArrayList<>(sessionPrefix);
        command.addAll(spec.command());
        var builder = new ProcessBuilder(command)
                .directory(spec.directory().toFile())
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(spec.log().toFile()));
        builder.environment().putAll(spec.environment());
        Process process = builder.start();
        Instant startedAt = process.toHandle().info().startInstant().orElseGet(Instant::now);
        return new Child(spec, process, startedAt);
    }

    /**
     * Sends SIGTERM, waits up to {@code grace} for a graceful exit, then SIGKILLs it. Processes it started and that
     * outlived it are stopped the same way so that nothing keeps holding a port.
     *
     * @param strays processes that belong to it without descending from it, such as a database server that
     *        daemonized itself
     */
    public Stopped stop(ProcessHandle process, Duration grace, List<ProcessHandle> strays) {
        long started = System.nanoTime();
        Set<ProcessHandle> family = new LinkedHashSet<>(descendants(process));
        family.addAll(strays);
        process.destroy();
        boolean killed = !awaitExit(process, grace);
        if (killed) {
            family.addAll(descendants(process));
            process.destroyForcibly();
            awaitExit(process, KILL_WAIT);
        }
        List<ProcessHandle> orphans = family.stream().filter(ProcessHandle::isAlive).toList();
        orphans.forEach(ProcessHandle::destroy);
        orphans.stream().filter(orphan -> !awaitExit(orphan, KILL_WAIT)).forEach(orphan -> {
            orphan.destroyForcibly();
            awaitExit(orphan, KILL_WAIT);
        });
        return new Stopped(process.pid(), Duration.ofNanos(System.nanoTime() - started), killed);
    }

    public Stopped stop(ProcessHandle process, Duration grace) {
        return stop(process, grace, List.of());
    }

    /** Live processes other than this one whose command line mentions {@code text}, such as a data directory. */
    public static List<ProcessHandle> mentioning(String text) {
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(process -> process.pid() != self)
                    .filter(process -> process.info().commandLine().map(line -> line.contains(text)).orElse(false))
                    .toList();
        }
    }

    private static List<ProcessHandle> descendants(ProcessHandle process) {
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            return descendants.toList();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException stillRunning) {
            return !process.isAlive();
        }
        catch (ExecutionException ex) {
            return !process.isAlive();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Optional<Path> findSetsid() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "setsid"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}

package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Components;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the log files of a component ({@code catalog}: all its instances) or of one instance ({@code catalog-2}). */
final class LogFiles {

    private static final Pattern INSTANCE = Pattern.compile("(.+)-(\\d+)");

    /**
     * @param onlyLinesWith {@code null} for a file of the instance's own; else the text that marks its lines in the
     *        log it shares (the compact JVM's), such as {@code "service":{"name":"catalog"}
     */
    record LogFile(String instanceName, int instance, Path path, String onlyLinesWith) {

        LogFile(String instanceName, int instance, Path path) {
            this(instanceName, instance, path, null);
        }

        boolean shows(String line) {
            return onlyLinesWith == null || line.contains(onlyLinesWith);
        }
    }

    /** The compact topology's one JVM writes every service's lines to this log, each naming its service. */
    static final String COMPACT_LOG = "compact.log";

    private LogFiles() {
    }

    static List<LogFile> find(Path logsDir, String target) {
        Optional<Component> component = Components.find(target);
        if (component.isPresent()) {
            return all(logsDir, component.get());
        }
        Matcher matcher = INSTANCE.matcher(target);
        if (matcher.matches() && Components.find(matcher.group(1)).isPresent()) {
            Component owner = Components.get(matcher.group(1));
            int instance = Integer.parseInt(matcher.group(2));
            Path path = logsDir.resolve(owner.instanceName(instance) + ".log");
            if (instance < 1 || !Files.isRegularFile(path)) {
                throw new Failure("there is no log for " + target + " (" + path + ")");
            }
            return List.of(new LogFile(owner.instanceName(instance), instance, path));
        }
        throw new Failure("unknown component '" + target + "'; one of: " + String.join(", ", Components.names())
                + " (or an instance such as catalog-2)", ExitCodes.USAGE);
    }

    /**
     * A service's first instance logs to the compact JVM's log when that is newer than a log of its own (the platform
     * last ran in the compact topology); its lines there are the ones naming it.
     */
    private static List<LogFile> withCompactLog(Path logsDir, Component component, List<LogFile> logs) {
        Path compact = logsDir.resolve(COMPACT_LOG);
        if (component.kind() != Component.Kind.SERVICE || !Files.isRegularFile(compact)) {
            return logs;
        }
        Path own = logsDir.resolve(component.instanceName(1) + ".log");
        if (Files.isRegularFile(own) && modified(own) >= modified(compact)) {
            return logs;
        }
        var all = new java.util.ArrayList<LogFile>();
        all.add(new LogFile(component.instanceName(1), 1, compact, "\"service\":{\"name\":\"" + component.name() + "\""));
        logs.stream().filter(log -> log.instance() != 1).forEach(all::add);
        return List.copyOf(all);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        }
        catch (IOException gone) {
            return 0;
        }
    }

    private static List<LogFile> all(Path logsDir, Component component) {
        if (!Files.isDirectory(logsDir)) {
            throw new Failure("there are no logs yet in " + logsDir);
        }
        Pattern file = Pattern.compile(Pattern.quote(component.name()) + "(?:-(\\d+))?\\.log");
        try (Stream<Path> files = Files.list(logsDir)) {
            List<LogFile> logs = files
                    .map(path -> file.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> {
                        int instance = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
                        return new LogFile(component.instanceName(instance), instance,
                                logsDir.resolve(matcher.group()));
                    })
                    .sorted(Comparator.comparingInt(LogFile::instance))
                    .toList();
            logs = withCompactLog(logsDir, component, logs);
            if (logs.isEmpty()) {
                throw new Failure("there is no log for " + component.name() + " yet in " + logsDir);
            }
            return logs;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

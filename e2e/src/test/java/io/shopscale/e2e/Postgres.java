package io.shopscale.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the platform's PostgreSQL server the way an operator would, with {@code pg_ctl} on its data
 * directory: the same binaries and the same command-line options it was started with ({@code postmaster.opts}).
 * PostgreSQL refuses to run as root; as the embedded server does, the commands then run in a user namespace of
 * their own ({@code unshare -U}), where they are not root.
 */
final class Postgres {

    private final Path dataDirectory;

    private List<String> options = List.of();

    private Path pgCtl;

    Postgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    void stop() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
        pgCtl = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).resolveSibling("pg_ctl");
        options = startOptions(Files.readString(dataDirectory.resolve("postmaster.opts")));
        run(asNonRoot(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop")));
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-w",
                "-l", dataDirectory.resolveSibling("postgres-restart.log").toString(), "-o", String.join(" ", options),
                "start"));
        run(asNonRoot(command));
    }

    private static List<String> asNonRoot(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> unshared = new ArrayList<>(List.of("unshare", "-U"));
        unshared.addAll(command);
        return unshared;
    }

    /** Every argument after the binary and its {@code -D}, quoted for postgres' own option parsing. */
    private static List<String> startOptions(String postmasterOpts) {
        List<String> arguments = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(postmasterOpts);
        while (quoted.find()) {
            arguments.add(quoted.group(1));
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("-D")) {
                i++;
                continue;
            }
            options.add(arguments.get(i).contains(" ") ? "'" + arguments.get(i) + "'" : arguments.get(i));
        }
        return options;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}

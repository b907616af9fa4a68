package io.shopscale.launcher.drill;

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
 * their own ({@code unshare -U}), where they are not root. A server started again this way is no longer the stores
 * process's child; {@code ./shopscale down} finds it by its data directory.
 */
public final class PgCtl {

    private final Path dataDirectory;

    private List<String> options = List.of();

    private Path pgCtl;

    public PgCtl(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Whether a server runs on this data directory, by its lock file. */
    public boolean running() {
        return Files.isRegularFile(dataDirectory.resolve("postmaster.pid"));
    }

    /** {@code pg_ctl stop -m fast}: sessions are ended, and it returns once the server is down. */
    public void stop() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
        pgCtl = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).resolveSibling("pg_ctl");
        options = startOptions(Files.readString(dataDirectory.resolve("postmaster.opts")));
        run(asNonRoot(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop")));
    }

    /** {@code pg_ctl start} with what the stopped server ran with; returns once it accepts connections. */
    public void start() throws IOException, InterruptedException {
        if (pgCtl == null) {
            throw new IllegalStateException("start follows a stop, which finds the binaries and options");
        }
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
    static List<String> startOptions(String postmasterOpts) {
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
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}

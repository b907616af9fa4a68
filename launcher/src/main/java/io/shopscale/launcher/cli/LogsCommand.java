package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.LogFiles.LogFile;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.process.LogTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "logs",
        description = "Print the end of a component's log (all its instances), or of one instance such as catalog-2.")
final class LogsCommand implements Callable<Integer> {

    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(250);

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "COMPONENT", description = "A component (stores, registry, catalog, gateway) or an instance (catalog-2).")
    String target;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100", description = "Lines to print (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended until Ctrl-C.")
    boolean follow;

    @Spec
    CommandSpec spec;

    private final Context context;

    LogsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (lines < 0) {
            throw new Failure("-n must not be negative", ExitCodes.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = context.settings(options.stateDir);
        List<LogFile> logs = LogFiles.find(settings.logsDir(), target);
        boolean several = logs.size() > 1;
        for (LogFile log : logs) {
            if (several) {
                out.printf("==> %s (%s) <==%n", log.instanceName(), log.path());
            }
            LogTail.lastLines(log.path(), lines, log::shows).forEach(out::println);
        }
        out.flush();
        if (follow) {
            follow(logs, several, out);
        }
        return ExitCodes.OK;
    }

    /** Polls the files for growth, printing whole lines only; prefixes them with the instance when following several. */
    private static void follow(List<LogFile> logs, boolean prefix, PrintWriter out) throws IOException, InterruptedException {
        Map<LogFile, Long> positions = new LinkedHashMap<>();
        logs.forEach(log -> positions.put(log, log.path().toFile().length()));
        while (!Thread.currentThread().isInterrupted()) {
            for (LogFile log : logs) {
                long length = log.path().toFile().length();
                // A shorter file was truncated or replaced: start again from its beginning.
                long position = length < positions.get(log) ? 0 : positions.get(log);
                positions.put(log, position + printLines(log, position, length, prefix ? log.instanceName() + " | " : "", out));
            }
            out.flush();
            Thread.sleep(FOLLOW_INTERVAL);
        }
    }

    /** Prints the complete lines between the two offsets and returns how many bytes they took. */
    private static long printLines(LogFile log, long from, long to, String prefix, PrintWriter out) throws IOException {
        if (to <= from) {
            return 0;
        }
        try (var file = new RandomAccessFile(log.path().toFile(), "r")) {
            var bytes = new byte[(int) Math.min(to - from, 1 << 20)];
            file.seek(from);
            file.readFully(bytes);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                return 0;
            }
            for (String line : new String(bytes, 0, end - 1, StandardCharsets.UTF_8).split("\r?\n", -1)) {
                if (log.shows(line)) {
                    out.println(prefix + line);
                }
            }
            return end;
        }
    }
}

package io.shopscale.launcher.cli;

import io.shopscale.launcher.deadletters.DeadLetterTopics;
import io.shopscale.launcher.deadletters.DeadLetterTopics.ParkedRecord;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.platform.Store;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code dlt list | show <topic> | replay <topic>}: the records the services parked on their dead-letter topics. */
@Command(name = "dlt", synopsisSubcommandLabel = "(list | show | replay)",
        description = {"List, show or replay the records the services parked on their dead-letter topics "
                + "(<topic>.<consumer group>.DLT): events they could not read.",
                "A record is parked until it is replayed: sent back, key and value byte for byte, to the topic it came "
                        + "from, whose consumers skip what they applied before."})
final class DltCommand implements Callable<Integer> {

    /** How long each request to Kafka may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Longest key or value shown by {@code show}, in characters. */
    static final int SHOWN = 200;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    static CommandLine commandLine(Context context) {
        return new CommandLine(new DltCommand())
                .addSubcommand(new ListCommand(context))
                .addSubcommand(new ShowCommand(context))
                .addSubcommand(new ReplayCommand(context));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "a dlt command is missing: list, show <topic> or replay <topic>");
    }

    @Command(name = "list", description = {"Every dead-letter topic with the number of records parked on it.",
            "Exit code 0; 1 when Kafka does not answer, 3 when nothing runs."})
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        private final Context context;

        ListCommand(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Long> topics = withKafka(context, options, DeadLetterTopics::list);
            if (topics.isEmpty()) {
                out.println("No dead-letter topics: nothing was ever parked.");
                return ExitCodes.OK;
            }
            int width = Math.max(5, topics.keySet().stream().mapToInt(String::length).max().orElse(0));
            out.printf("%-" + width + "s  %s%n", "TOPIC", "PARKED");
            topics.forEach((topic, parked) -> out.printf("%-" + width + "s  %d%n", topic, parked));
            long total = topics.values().stream().mapToLong(Long::longValue).sum();
            out.println();
            out.println(total == 0 ? "Nothing is parked."
                    : total + (total == 1 ? " record is" : " records are") + " parked. See them with: "
                            + "./shopscale dlt show <topic>");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = {"The records parked on a dead-letter topic: where each sits, its key, "
            + "time, the topic, partition and offset it came from, why it failed, and its value (shortened).",
            "Exit code 0; 1 when Kafka does not answer, 2 when there is no such dead-letter topic, 3 when nothing "
                    + "runs."})
    static final class ShowCommand implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "TOPIC", description = "A dead-letter topic, as 'dlt list' names it.")
        String topic;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Show at most this many records (default ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        private final Context context;

        ShowCommand(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new Failure("--limit must be at least 1", ExitCodes.USAGE);
            }
            requireDeadLetterTopic(topic);
            PrintWriter out = spec.commandLine().getOut();
            DeadLetterTopics.Parked parked = withKafka(context, options, topics -> topics.show(topic, limit));
            if (parked.total() == 0) {
                out.println("Nothing is parked on " + topic + ".");
                return ExitCodes.OK;
            }
            for (ParkedRecord record : parked.records()) {
                print(out, record);
            }
            out.printf("%d %s parked on %s%s.%n", parked.total(), parked.total() == 1 ? "record is" : "records are",
                    topic, parked.records().size() < parked.total() ? " (" + parked.records().size() + " shown)" : "");
            out.println("Send them back to their topics with: ./shopscale dlt replay " + topic);
            return ExitCodes.OK;
        }

        private static void print(PrintWriter out, ParkedRecord record) {
            out.printf("%s-%d@%d  %s  key %s%n", record.topic(), record.partition(), record.offset(),
                    record.timestamp(), record.key() == null ? "(none)" : shown(record.key()));
            out.printf("  from     %s%s%s%n", record.originalTopic().orElse("(unknown topic)"),
                    record.originalPartition().map(partition -> "-" + partition).orElse("")
                            + record.originalOffset().map(offset -> "@" + offset).orElse(""),
                    record.group().map(group -> " (group " + group + ")").orElse(""));
            out.printf("  failure  %s%s%n", record.exception().orElse("(unknown)"),
                    record.message().map(message -> ": " + shortened(message)).orElse(""));
            record.cause().filter(cause -> !cause.equals(record.exception().orElse("")))
                    .ifPresent(cause -> out.printf("  cause    %s%n", cause));
            out.printf("  value    %s%n", record.value() == null ? "(none)"
                    : shown(record.value()) + "  (" + record.value().length + " bytes)");
            out.println();
        }
    }

    @Command(name = "replay", description = {"Send every record parked on a dead-letter topic back to the topic it "
            + "came from, key and value byte for byte, then mark them replayed so they no longer count as parked.",
            "Consumers keep an inbox of the events they applied, so a replayed event they had applied changes nothing.",
            "Exit code 0; 1 when Kafka does not answer or a record does not say where it came from, 2 when there is "
                    + "no such dead-letter topic, 3 when nothing runs."})
    static final class ReplayCommand implements Callable<Integer> {

        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "TOPIC", description = "A dead-letter topic, as 'dlt list' names it.")
        String topic;

        @Spec
        CommandSpec spec;

        private final Context context;

        ReplayCommand(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            requireDeadLetterTopic(topic);
            PrintWriter out = spec.commandLine().getOut();
            DeadLetterTopics.Replay replay = withKafka(context, options, topics -> topics.replay(topic));
            if (replay.sent() == 0 && replay.stoppedIn().isEmpty()) {
                out.println("Nothing is parked on " + topic + ".");
                return ExitCodes.OK;
            }
            if (replay.sent() > 0) {
                out.printf("Replayed %d %s from %s: ", replay.sent(), replay.sent() == 1 ? "record" : "records", topic);
                out.println(String.join(", ", replay.sentTo().entrySet().stream()
                        .map(sent -> sent.getValue() + " to " + sent.getKey()).toList()) + ".");
            }
            if (!replay.stoppedIn().isEmpty()) {
                throw new Failure("Stopped in " + String.join(", ", replay.stoppedIn()) + ": a record there does not "
                        + "name the topic it came from (no kafka_dlt-original-topic header); it and those after it "
                        + "stay parked. See ./shopscale dlt show " + topic);
            }
            return ExitCodes.OK;
        }
    }

    private static void requireDeadLetterTopic(String topic) {
        try {
            DeadLetterTopics.requireDeadLetterTopic(topic);
        }
        catch (DeadLetterTopics.NotADeadLetterTopic wrong) {
            throw new Failure(wrong.getMessage() + "; see ./shopscale dlt list", ExitCodes.USAGE);
        }
    }

    /** Runs the work against the platform's Kafka, turning what can go wrong into a clear message and exit code. */
    private static <T> T withKafka(Context context, CommonOptions options, Function<DeadLetterTopics, T> work) {
        String bootstrap = bootstrap(context.settings(options.stateDir));
        try (var topics = new DeadLetterTopics(bootstrap, TIMEOUT)) {
            return work.apply(topics);
        }
        catch (DeadLetterTopics.NotADeadLetterTopic | DeadLetterTopics.NoSuchTopic wrong) {
            throw new Failure(wrong.getMessage() + "; see ./shopscale dlt list", ExitCodes.USAGE);
        }
        catch (DeadLetterTopics.Unreachable unreachable) {
            throw new Failure(unreachable.getMessage() + ". Is the platform up? See ./shopscale status");
        }
    }

    /**
     * Kafka's address: {@code SHOPSCALE_KAFKA_BOOTSTRAP} if set, else the one the running platform's services were
     * given.
     */
    static String bootstrap(Settings settings) {
        Optional<String> configured = settings.variable(Store.KAFKA.externalVariable());
        if (configured.isPresent()) {
            return configured.get();
        }
        RunState state = new StateStore(settings.runDir()).read()
                .filter(run -> !run.instances().isEmpty())
                .orElseThrow(() -> new Failure("Nothing is running. Start it with: ./shopscale up",
                        ExitCodes.NOT_RUNNING));
        return Optional.ofNullable(state.environment().get(Store.KAFKA.externalVariable()))
                .orElse("127.0.0.1:" + settings.port(Store.KAFKA));
    }

    /** Bytes as UTF-8 text, shortened. */
    static String shown(byte[] bytes) {
        return shortened(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Text on one line, control characters escaped, cut to {@link #SHOWN} characters. */
    static String shortened(String text) {
        String line = oneLine(text);
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "…";
    }

    private static String oneLine(String text) {
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), SHOWN * 2));
        for (int i = 0; i < text.length() && escaped.length() <= SHOWN * 2; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}

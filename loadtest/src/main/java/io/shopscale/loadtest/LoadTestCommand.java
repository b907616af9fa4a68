package io.shopscale.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.shopscale.loadtest.blackfriday.BenchCommand;
import io.shopscale.loadtest.checkout.CheckoutCommand;
import io.shopscale.loadtest.cli.Converters;
import io.shopscale.loadtest.cli.Header;
import io.shopscale.loadtest.cli.Measurement;
import io.shopscale.loadtest.cli.Settings;
import io.shopscale.loadtest.cli.TargetHeader;
import io.shopscale.loadtest.cli.TargetSpec;
import io.shopscale.loadtest.http.Client;
import io.shopscale.loadtest.http.Transport;
import io.shopscale.loadtest.ids.IdFetcher;
import io.shopscale.loadtest.reserve.ReserveCommand;
import io.shopscale.loadtest.run.ExpectedStatus;
import io.shopscale.loadtest.run.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point. Exit codes: 0 done, 1 a target exceeded {@code --max-error-rate} (or the run failed),
 * 2 bad arguments or no usable ids.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = LoadTestCommand.Version.class, usageHelpAutoWidth = true,
        subcommands = {BenchCommand.class, CheckoutCommand.class, ReserveCommand.class},
        description = {
            "Measures HTTP GET latency and throughput of several targets side by side. Targets take turns in "
                + "interleaved rounds (A B, B A, ...) so machine noise hits each alike; percentiles come from one "
                + "merged HdrHistogram per target.",
            "%nClosed model (--concurrency): N workers, each sending when its previous request answered; "
                + "finds maximum throughput.",
            "Open model (--rate): requests on a fixed schedule; latency counts from each request's intended "
                + "send time, so queueing is not hidden (no coordinated omission).%n"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:run completed", "1:error rate above --max-error-rate, or the run failed",
            "2:bad arguments, or no ids could be loaded"})
public class LoadTestCommand implements Callable<Integer> {

    static final int BAD_ARGUMENTS = 2;

    @Spec
    CommandSpec spec;

    // Not required = true: picocli would then demand it before the subcommands too; Settings refuses its absence.
    @Option(names = "--target", paramLabel = "NAME=URL", converter = Converters.Targets.class,
            description = "A target to measure; repeat for several. {id} in the URL is replaced by an id.")
    List<TargetSpec> targets = new ArrayList<>();

    @Option(names = "--ids", split = ",", paramLabel = "ID,ID...", hideParamSyntax = true,
            description = "Ids to put into {id}.")
    List<String> ids;

    @Option(names = "--ids-from", paramLabel = "URL",
            description = "GET a JSON page ({\"items\":[{\"id\":...}]} or an array) and use its ids.")
    URI idsFrom;

    @Option(names = "--concurrency", paramLabel = "N", description = "Closed model: N concurrent workers.")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "R", description = "Open model: R requests per second.")
    Double rate;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Open model: outstanding requests at most (default 512); beyond it sends are late.")
    Integer maxInFlight;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.Durations.class,
            description = "Measured time per target per round (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Durations.class,
            description = "Unrecorded warmup per target before the rounds (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed for drawing ids (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.Durations.class,
            description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--header", paramLabel = "NAME:VALUE", converter = Converters.Headers.class,
            description = "A request header; repeatable.")
    List<Header> headers;

    @Option(names = "--target-header", paramLabel = "TARGET=NAME:VALUE", converter = Converters.TargetHeaders.class,
            description = "A request header for one target only, e.g. secured=Authorization:Bearer ...; repeatable.")
    List<TargetHeader> targetHeaders;

    @Option(names = "--expect-status", defaultValue = "2xx,3xx", converter = Converters.Statuses.class,
            paramLabel = "LIST",
            description = "Statuses that count as success, e.g. 2xx,404 (default ${DEFAULT-VALUE}).")
    ExpectedStatus expectStatus;

    @Option(names = "--max-error-rate", converter = Converters.ErrorRates.class, paramLabel = "RATE",
            description = "Exit 1 if any target's error rate (errors and dropped) is above this, e.g. 0.01 or 1%%.")
    Double maxErrorRate;

    @Option(names = "--client", defaultValue = "socket", paramLabel = "socket|jdk",
            description = "HTTP client: socket (lean, default) or jdk (java.net.http) to cross-check.")
    Client client;

    @Option(names = "--markdown", description = "Print the result as a Markdown table.")
    boolean markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full result as JSON.")
    Path json;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests use it to run the tool in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new LoadTestCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(LoadTestCommand::badArguments);
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = usage(() -> new Settings(targets, ids, idsFrom, seed, duration, rounds, warmup,
                Settings.model(concurrency, rate, maxInFlight), timeout, headers, targetHeaders, expectStatus, maxErrorRate,
                client, markdown, json));
        List<String> idList = usage(() -> settings.idsFrom() == null ? settings.ids()
                : IdFetcher.fetch(settings.idsFrom(), settings.headerMap(), settings.timeout()));
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (settings.idsFrom() != null) {
            err.printf("loaded %d ids from %s%n", idList.size(), settings.idsFrom());
        }
        // One transport per target: each target's requests carry that target's headers.
        List<Transport> transports = new ArrayList<>();
        try {
            List<Target> prepared = usage(() -> settings.targets().stream()
                    .map(t -> {
                        Transport transport = settings.client().create(settings.headerMap(t.name()), settings.timeout());
                        transports.add(transport);
                        return new Target(t.name(), t.url().text(),
                                t.url().expandAll(idList).stream().map(transport::prepare).toList());
                    })
                    .toList());
            return new Measurement(settings, idList.size(), out, err).run(prepared);
        }
        finally {
            transports.forEach(Transport::close);
        }
    }

    private <T> T usage(Supplier<T> step) {
        try {
            return step.get();
        }
        catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
    }

    /** A short message and a pointer to --help, rather than the whole usage text. */
    private static int badArguments(ParameterException ex, String[] args) {
        var err = ex.getCommandLine().getErr();
        err.println("error: " + ex.getMessage());
        err.println("Try 'loadtest --help' for the options.");
        err.flush();
        return BAD_ARGUMENTS;
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = LoadTestCommand.class.getPackage().getImplementationVersion();
            return new String[] {"shopscale-loadtest " + (version == null ? "dev" : version)};
        }
    }
}

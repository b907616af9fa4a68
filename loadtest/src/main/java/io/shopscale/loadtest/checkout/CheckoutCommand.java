package io.shopscale.loadtest.checkout;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.shopscale.loadtest.account.Accounts;
import io.shopscale.loadtest.bench.ClosedLoopDriver;
import io.shopscale.loadtest.bench.OpenLoopDriver;
import io.shopscale.loadtest.bench.Outcomes;
import io.shopscale.loadtest.bench.ResultTable;
import io.shopscale.loadtest.bench.Summary;
import io.shopscale.loadtest.cli.Converters;
import io.shopscale.loadtest.cli.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Checkouts through the gateway at a fixed rate; prints a Markdown table. */
@Command(name = "checkout", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Registers and logs in --users shoppers through the gateway, then places orders (POST /api/orders, a "
                + "fresh Idempotency-Key each, 1-2 random non-hot SKUs, quantity 1) at --rate per second.",
            "Open model: requests go out on a fixed schedule; latency counts from each request's due time. "
                + "Percentiles are of the 202 answers; every status is counted.%n"
        })
public class CheckoutCommand implements Callable<Integer> {

    private static final double DEFAULT_RATE = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Gateway base URL (default ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--users", paramLabel = "N", defaultValue = "20",
            description = "Shoppers to register (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--rate", paramLabel = "R",
            description = "Open model: checkouts offered per second (default 100 unless --concurrency is given).")
    Double rate;

    @Option(names = "--concurrency", paramLabel = "C",
            description = "Closed model instead: C shoppers checking out back to back, to find the ceiling.")
    Integer concurrency;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s",
            converter = Converters.Durations.class, description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Durations.class,
            description = "Unrecorded time at the same rate first (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "256",
            description = "Outstanding requests at most; requests due beyond it are dropped and counted "
                + "(default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.Durations.class, description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed for drawing shoppers and SKUs (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        validate();
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build()) {
            String runId = Long.toString(System.currentTimeMillis(), 36);
            err.printf("registering %d shoppers at %s%n", users, gateway);
            err.flush();
            List<String> tokens = new Accounts(client, gateway, timeout).register(users, runId, 4).stream()
                    .map(shopper -> shopper.token().value())
                    .toList();
            URI orders = gateway.resolve("/api/orders");
            Random random = new Random(seed);
            Baskets baskets = new Baskets(random);
            Supplier<CheckoutCall> next = () -> new CheckoutCall(client, orders,
                    tokens.get(random.nextInt(tokens.size())), baskets.next(), timeout);
            err.printf("checkout, %s: warmup %s, then %s measured%n", concurrency == null
                    ? ResultTable.number(rate(), 1) + "/s offered" : concurrency + " back-to-back shoppers",
                    DurationText.format(warmup), DurationText.format(duration));
            err.flush();
            Summary summary = concurrency == null
                    ? new OpenLoopDriver(rate(), maxInFlight, err).run(warmup, duration, timeout.plusSeconds(1),
                            next::get, new Outcomes("202"))
                    : new ClosedLoopDriver(concurrency).run(warmup, duration, () -> next.get().call(),
                            new Outcomes("202"));
            out.print(concurrency == null
                    ? ResultTable.markdown("offered/s", ResultTable.number(rate(), 1), "202/s", summary)
                    : ResultTable.markdown("concurrency", Integer.toString(concurrency), "202/s", summary));
            out.flush();
            return summary.successes() > 0 ? 0 : 1;
        }
    }

    private double rate() {
        return rate == null ? DEFAULT_RATE : rate;
    }

    private void validate() {
        String problem = users < 1 ? "--users must be at least 1"
                : rate != null && concurrency != null ? "give either --rate or --concurrency, not both"
                : !(rate() > 0) ? "--rate must be positive"
                : concurrency != null && concurrency < 1 ? "--concurrency must be at least 1"
                : !duration.isPositive() ? "--duration must be positive"
                : warmup.isNegative() ? "--warmup must not be negative"
                : maxInFlight < 1 ? "--max-in-flight must be at least 1"
                : !timeout.isPositive() ? "--timeout must be positive"
                : null;
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}

package io.shopscale.loadtest.reserve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.shopscale.contracts.inventory.v1.InventoryGrpc;
import io.shopscale.loadtest.bench.ClosedLoopDriver;
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

/** Inventory's gRPC Reserve on one SKU, as fast as --concurrency callers go; prints a Markdown table. */
@Command(name = "reserve", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Calls inventory's gRPC Reserve directly: 1 unit of --sku under a fresh order id per call, from "
                + "--concurrency callers in a closed loop. Every call contends for the same stock row, like a "
                + "flash sale. Give the SKU enough stock first; calls that find none count as INSUFFICIENT_STOCK.",
            "The gRPC port is read from the registry's metadata unless --grpc gives HOST:PORT.%n"
        })
public class ReserveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--registry", paramLabel = "URL", defaultValue = "http://127.0.0.1:8761/eureka",
            description = "Eureka base URL (default ${DEFAULT-VALUE}).")
    URI registry;

    @Option(names = "--registry-user", paramLabel = "NAME", defaultValue = "${env:SHOPSCALE_REGISTRY_USERNAME:-shopscale}",
            description = "The registry's user name (default ${DEFAULT-VALUE}).")
    String registryUser;

    @Option(names = "--registry-password-file", paramLabel = "FILE",
            defaultValue = "${env:SHOPSCALE_STATE_DIR:-.shopscale}/secrets/registry-password",
            description = "Where the registry's password is, unless SHOPSCALE_REGISTRY_PASSWORD is set "
                + "(default ${DEFAULT-VALUE}, where ./shopscale up generates it).")
    Path registryPasswordFile;

    @Option(names = "--service", paramLabel = "NAME", defaultValue = "INVENTORY",
            description = "Application name in the registry (default ${DEFAULT-VALUE}).")
    String service;

    @Option(names = "--grpc", paramLabel = "HOST:PORT", description = "Skip the registry and call this address.")
    String grpc;

    @Option(names = "--sku", paramLabel = "SKU", defaultValue = "BEN-00001",
            description = "The SKU every call reserves (default ${DEFAULT-VALUE}).")
    String sku;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "16",
            description = "Concurrent callers (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s",
            converter = Converters.Durations.class, description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Durations.class,
            description = "Unrecorded time first (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "2s",
            converter = Converters.Durations.class, description = "Per-call deadline (default ${DEFAULT-VALUE}).")
    Duration deadline;

    @Override
    public Integer call() throws Exception {
        validate();
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        GrpcEndpoint endpoint = grpc != null ? usage(() -> GrpcEndpoint.parse(grpc)) : lookUp();
        err.printf("reserve %s at %s: %d callers, warmup %s, then %s measured%n", sku, endpoint, concurrency,
                DurationText.format(warmup), DurationText.format(duration));
        err.flush();
        ManagedChannel channel = ManagedChannelBuilder.forAddress(endpoint.host(), endpoint.port())
                .usePlaintext()
                .build();
        try {
            ReserveCall call = new ReserveCall(InventoryGrpc.newBlockingStub(channel), sku, deadline);
            Summary summary = new ClosedLoopDriver(concurrency).run(warmup, duration, call::call,
                    new Outcomes("RESERVED"));
            out.print(ResultTable.markdown("concurrency", Integer.toString(concurrency), "reserved/s", summary));
            out.flush();
            return summary.successes() > 0 ? 0 : 1;
        }
        finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private GrpcEndpoint lookUp() throws Exception {
        URI apps = URI.create(registry.toString().replaceAll("/+$", "") + "/apps/" + service);
        HttpRequest.Builder request = HttpRequest.newBuilder(apps)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10));
        RegistryCredentials.find(registryUser, System.getenv(RegistryCredentials.PASSWORD_VARIABLE),
                registryPasswordFile).ifPresent(credentials -> request.header("Authorization", credentials.authorization()));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new IllegalStateException("GET " + apps + " answered 401: the registry wants its password, from "
                        + RegistryCredentials.PASSWORD_VARIABLE + " or --registry-password-file (now "
                        + registryPasswordFile + ")");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + apps + " answered " + response.statusCode());
            }
            return GrpcEndpoint.fromEureka(response.body(), "grpc-port");
        }
    }

    private void validate() {
        String problem = concurrency < 1 ? "--concurrency must be at least 1"
                : !duration.isPositive() ? "--duration must be positive"
                : warmup.isNegative() ? "--warmup must not be negative"
                : !deadline.isPositive() ? "--deadline must be positive"
                : null;
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private <T> T usage(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        }
        catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
    }
}

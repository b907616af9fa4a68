package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "psp",
        description = {"Show or change, live, how the payment provider simulator behaves: latency, declines, errors, "
                + "lost answers and outages.",
                "Without options it prints the current settings. Example: psp --decline-rate 0.2 --latency 200ms"})
final class PspCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Mixin
    CommonOptions options;

    @Option(names = "--latency", paramLabel = "DURATION", description = "Base latency of every charge, e.g. 200ms.")
    String latency;

    @Option(names = "--jitter", paramLabel = "DURATION", description = "Up to this much extra latency, at random.")
    String jitter;

    @Option(names = "--decline-rate", paramLabel = "0..1", description = "Share of charges declined (402).")
    Double declineRate;

    @Option(names = "--error-rate", paramLabel = "0..1", description = "Share of charges failing with a 500 (not charged).")
    Double errorRate;

    @Option(names = "--timeout-rate", paramLabel = "0..1",
            description = "Share of charges made whose answer never comes (the caller times out).")
    Double timeoutRate;

    @Option(names = "--hang", paramLabel = "DURATION", description = "How long an unanswered charge is held open.")
    String hang;

    @Option(names = "--outage", negatable = true,
            description = "Refuse every connection to the charge API (--no-outage ends it).")
    Boolean outage;

    @Option(names = "--seed", paramLabel = "N", description = "Make each charge's fate depend only on (seed, key).")
    Long seed;

    @Option(names = "--reset", description = "Back to the settings the simulator started with, before other options.")
    boolean reset;

    @Spec
    CommandSpec spec;

    private final Context context;

    PspCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        URI settings = URI.create("http://127.0.0.1:" + adminPort() + "/admin/settings");
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        if (reset) {
            send(http, HttpRequest.newBuilder(settings).DELETE());
        }
        ObjectNode changes = changes();
        String body = changes.isEmpty()
                ? send(http, HttpRequest.newBuilder(settings).GET())
                : send(http, HttpRequest.newBuilder(settings).method("PATCH",
                        HttpRequest.BodyPublishers.ofString(changes.toString())).header("Content-Type", "application/json"));
        out.println(pretty(body));
        return ExitCodes.OK;
    }

    private ObjectNode changes() {
        ObjectNode changes = JSON.createObjectNode();
        Optional.ofNullable(latency).ifPresent(value -> changes.put("latency", value));
        Optional.ofNullable(jitter).ifPresent(value -> changes.put("jitter", value));
        Optional.ofNullable(declineRate).ifPresent(value -> changes.put("declineRate", value));
        Optional.ofNullable(errorRate).ifPresent(value -> changes.put("errorRate", value));
        Optional.ofNullable(timeoutRate).ifPresent(value -> changes.put("timeoutRate", value));
        Optional.ofNullable(hang).ifPresent(value -> changes.put("hang", value));
        Optional.ofNullable(outage).ifPresent(value -> changes.put("outage", value));
        Optional.ofNullable(seed).ifPresent(value -> changes.put("seed", value));
        return changes;
    }

    private int adminPort() {
        Settings settings = context.settings(options.stateDir);
        Optional<RunState> state = new StateStore(settings.runDir()).read();
        return state.stream().flatMap(run -> run.instances().stream())
                .filter(instance -> instance.component().equals(Components.PAYMENT_PROVIDER))
                .map(InstanceRecord::ports)
                .filter(ports -> ports.size() > 1)
                .map(ports -> ports.get(1))
                .findFirst()
                .orElseThrow(() -> new Failure("The payment provider simulator is not running. Start it with: "
                        + "./shopscale up", ExitCodes.NOT_RUNNING));
    }

    private static String send(HttpClient http, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new Failure("The payment provider simulator does not answer: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        if (response.statusCode() == 400) {
            throw new Failure("shopscale: " + detail(response.body()), ExitCodes.USAGE);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure("The payment provider simulator answered " + response.statusCode() + ": "
                    + detail(response.body()));
        }
        return response.body();
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("detail").asString(body);
        }
        catch (JacksonException notJson) {
            return body;
        }
    }

    private static String pretty(String body) {
        try {
            return JSON.writeValueAsString(JSON.readTree(body));
        }
        catch (JacksonException notJson) {
            return body;
        }
    }
}

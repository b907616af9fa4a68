package io.shopscale.launcher.cli;

import io.shopscale.launcher.drill.ProviderAdmin;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.PlatformSecrets;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.SecretFile;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "psp",
        description = {"Show or change, live, how the payment provider simulator behaves: latency, declines, errors, "
                + "lost answers and outages.",
                "Without options it prints the current settings. Example: psp --decline-rate 0.2 --latency 200ms"})
final class PspCommand implements Callable<Integer> {

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
        Settings settings = context.settings(options.stateDir);
        ProviderAdmin admin = new StateStore(settings.runDir()).read()
                .flatMap(state -> providerAdmin(state, settings))
                .orElseThrow(() -> new Failure("The payment provider simulator is not running. Start it with: "
                        + "./shopscale up", ExitCodes.NOT_RUNNING));
        try {
            if (reset) {
                admin.reset();
            }
            ObjectNode changes = changes();
            out.println(pretty(changes.isEmpty() ? admin.settings() : admin.change(changes)));
        }
        catch (ProviderAdmin.Refused refused) {
            if (refused.status() == 400) {
                throw new Failure("shopscale: " + refused.getMessage(), ExitCodes.USAGE);
            }
            if (refused.status() == 401) {
                throw new Failure("The payment provider simulator refused the admin token in "
                        + new PlatformSecrets(settings).pspAdminToken().path() + "; was it started with another "
                        + "state directory?");
            }
            throw new Failure("The payment provider simulator answered " + refused.status() + ": "
                    + refused.getMessage());
        }
        catch (UncheckedIOException unreachable) {
            throw new Failure(unreachable.getMessage());
        }
        return ExitCodes.OK;
    }

    private ObjectNode changes() {
        ObjectNode changes = ProviderAdmin.changes();
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

    /** The simulator's admin API, if it runs, with the token {@code up} gave it. */
    static Optional<ProviderAdmin> providerAdmin(RunState state, Settings settings) {
        return adminPort(state).map(port -> new ProviderAdmin(port, adminToken(settings)));
    }

    private static String adminToken(Settings settings) {
        SecretFile token = new PlatformSecrets(settings).pspAdminToken();
        return token.read().orElseThrow(() -> new Failure("The payment provider simulator runs, but its admin token "
                + "is not in " + token.path() + "; restart the platform (./shopscale down, then up) to make one."));
    }

    /** The simulator's admin port, from the run state. */
    private static Optional<Integer> adminPort(RunState state) {
        return state.instancesOf(Components.PAYMENT_PROVIDER).stream()
                .map(InstanceRecord::ports)
                .filter(ports -> ports.size() > 1)
                .map(ports -> ports.get(1))
                .findFirst();
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

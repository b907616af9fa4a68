package io.shopscale.loadtest.blackfriday;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.shopscale.loadtest.blackfriday.capacity.WatchedProcess;
import io.shopscale.loadtest.blackfriday.verdict.Objectives;
import io.shopscale.loadtest.blackfriday.workload.Arrivals;
import io.shopscale.loadtest.blackfriday.workload.Profile;
import io.shopscale.loadtest.blackfriday.workload.Profiles;
import io.shopscale.loadtest.cli.CommandText;
import io.shopscale.loadtest.cli.Converters;
import io.shopscale.loadtest.cli.DurationText;
import io.shopscale.loadtest.report.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loadtest bench}: a shopping day against the platform, then an audit of what it did to the stores. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Registers --users shoppers, then sends them shopping through the gateway in the open model: requests "
                + "arrive on the profile's schedule whether or not earlier ones answered, and latency counts from "
                + "each one's scheduled time. Searches and product pages dominate; carts, checkouts (some resent "
                + "with the same Idempotency-Key) and order polling follow. black-friday ends in a flash sale on "
                + "the hot SKUs. capacity raises the rate step by step and reports the highest at which every "
                + "latency objective held and at most 1%% of requests failed, with the CPU per request of each "
                + "--process; its objectives are judged per step instead of over the whole run.",
            "Afterwards it waits for the orders, reservations, payments and refunds to settle and audits PostgreSQL "
                + "and the payment provider: no overselling, stock conserved and sold only to confirmed orders, "
                + "reservations settled, every accepted order final, one successful charge per confirmed order for "
                + "its total and none for others, payment's records agreeing with the provider's, one order per "
                + "accepted Idempotency-Key, no unintended 5xx. Writes report.json and report.html to --out.%n"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invariant held and every objective was met",
            "1:an objective was missed (capacity: even the first step broke one)",
            "2:bad arguments", "3:an invariant was broken or could not be verified (in a drill, also: a check of the "
                + "drill failed)",
            "4:the bench could not run (platform, database or accounts unavailable)"})
public class BenchCommand implements Callable<Integer> {

    static final List<String> HOT_SKUS = List.of("HKT-00001", "LGT-00001", "ELC-00001", "OUT-00001", "TOY-00001");

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Gateway base URL (default ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--postgres", paramLabel = "JDBC-URL", defaultValue = "jdbc:postgresql://127.0.0.1:15432/postgres",
            description = "The platform's PostgreSQL, read by the auditor (default ${DEFAULT-VALUE}).")
    String postgres;

    @Option(names = "--postgres-user", paramLabel = "NAME", defaultValue = "postgres",
            description = "Default ${DEFAULT-VALUE}.")
    String postgresUser;

    @Option(names = "--postgres-password", paramLabel = "SECRET", defaultValue = "${env:SHOPSCALE_POSTGRES_PASSWORD}",
            description = "Default: $SHOPSCALE_POSTGRES_PASSWORD, else empty.")
    String postgresPassword;

    @Option(names = "--psp", paramLabel = "URL|none", defaultValue = "http://127.0.0.1:8090",
            description = "The payment provider whose charges are audited; with none those checks are unverified, "
                + "which fails the run (default ${DEFAULT-VALUE}).")
    String psp;

    @Option(names = "--admin-email", paramLabel = "EMAIL", defaultValue = "admin@shopscale.local",
            description = "Administrator who resets the hot SKUs' stock (default ${DEFAULT-VALUE}).")
    String adminEmail;

    @Option(names = "--admin-password", paramLabel = "SECRET", defaultValue = "${env:SHOPSCALE_ADMIN_PASSWORD}",
            description = "Default: $SHOPSCALE_ADMIN_PASSWORD. Without one the hot SKUs keep their stock.")
    String adminPassword;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = Profiles.DEFAULT,
            description = "steady, black-friday, spike or ci (default ${DEFAULT-VALUE}); capacity steps the rate up "
                + "to find the highest that keeps the objectives; drill, mostly checkouts, is the load of a fault "
                + "drill.")
    String profile;

    @Option(names = "--rate", paramLabel = "R",
            description = "Base rate in arrivals per second; the profile's phases multiply it.")
    Double rate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.Durations.class,
            description = "Total load time; the profile's phases are scaled to fit.")
    Duration duration;

    @Option(names = "--users", paramLabel = "N", description = "Shoppers to register (default: the profile's).")
    Integer users;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random choice: arrivals, shoppers, products, keys (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--arrivals", paramLabel = "poisson|uniform", defaultValue = "poisson",
            description = "Arrival process (default ${DEFAULT-VALUE}).")
    String arrivals;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "1000",
            description = "Outstanding requests at most; requests due beyond it are dropped and count as errors "
                + "(default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = Converters.Durations.class,
            description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = Converters.Durations.class,
            description = "How long to wait after the load for orders to settle (default: the profile's).")
    Duration drainTimeout;

    @Option(names = "--flash-stock", paramLabel = "N", defaultValue = "10",
            description = "Units each hot SKU is given before the load (default ${DEFAULT-VALUE}).")
    int flashStock;

    @Option(names = "--hot-skus", paramLabel = "SKU,SKU...", split = ",", hideParamSyntax = true,
            description = "The flash sale's SKUs (default HKT/LGT/ELC/OUT/TOY-00001).")
    List<String> hotSkus;

    @Option(names = "--resend-share", paramLabel = "SHARE", defaultValue = "5%",
            converter = Converters.ErrorRates.class,
            description = "Share of checkouts resent with the same Idempotency-Key (default ${DEFAULT-VALUE}).")
    double resendShare;

    @Option(names = "--allow-5xx",
            description = "A 503 with Retry-After is an answer the scenario intends (a fault drill's deliberate "
                + "outage); any other 5xx still fails no-unintended-5xx. Off by default.")
    boolean allow5xx;

    @Option(names = "--objectives", paramLabel = "FILE",
            description = "Objectives as KEY=LIMIT lines, over the defaults and the profile's.")
    Path objectivesFile;

    @Option(names = "--objective", paramLabel = "KEY=LIMIT",
            description = "One objective, e.g. latency.checkout.p99=100ms, error-rate=0.1%%, server-errors=0, "
                + "order-final.p99=5s; off drops it. Repeatable.")
    Map<String, String> objectives = new LinkedHashMap<>();

    @Option(names = "--process", paramLabel = "NAME=PID",
            description = "A process of the platform, e.g. gateway-1=12345: a capacity run reads its CPU time from "
                + "/proc/PID/stat each second and reports CPU per request answered, per step. Repeatable; "
                + "./shopscale bench passes every running instance.")
    List<String> processes = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where report.json and report.html go (default target/bench/<timestamp>).")
    Path out;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "Makes the run a fault drill: FILE is the fault's timeline, written by whoever injects the "
                + "fault (./shopscale drill). The load ends when it says, the settle step waits for the run's whole "
                + "backlog, and the verdict is the invariants and the drill's checks; objectives are not judged.")
    Path timeline;

    @Option(names = "--started-file", paramLabel = "FILE",
            description = "Where a drill writes the instant its load starts, for the injector to time the fault by.")
    Path startedFile;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings;
        try {
            settings = settings();
        }
        catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
        if (startedFile != null && timeline == null) {
            throw new ParameterException(spec.commandLine(), "--started-file belongs to a drill: give --timeline too");
        }
        Bench.DrillFiles drill = timeline == null ? null : new Bench.DrillFiles(timeline, startedFile);
        return new Bench(settings, drill, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    /** Checks and resolves the options; throws {@link IllegalArgumentException} naming the first problem. */
    public BenchSettings settings() {
        Profile chosen = Profiles.named(profile);
        if (rate != null) {
            chosen = chosen.withBaseRate(rate);
        }
        if (users != null) {
            chosen = chosen.withUsers(users);
        }
        if (duration != null) {
            chosen = chosen.withDuration(duration);
        }
        if (drainTimeout != null) {
            chosen = chosen.withDrainTimeout(drainTimeout);
        }
        URI provider = "none".equalsIgnoreCase(psp.trim()) ? null : URI.create(psp.trim());
        String admin = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
        List<String> hot = hotSkus == null ? HOT_SKUS : hotSkus.stream().map(String::trim).toList();
        Path dir = out != null ? out : Path.of("target", "bench",
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)));
        return new BenchSettings(gateway, postgres, postgresUser, postgresPassword == null ? "" : postgresPassword,
                provider, adminEmail, admin, chosen, seed, Arrivals.Process.parse(arrivals), maxInFlight, timeout,
                flashStock, hot, resendShare, allow5xx, timeline != null ? List.of()
                        : Objectives.resolve(chosen.objectives(), objectivesFile, objectives),
                WatchedProcess.parseAll(processes), dir, command(chosen, hot, dir));
    }

    private String command(Profile chosen, List<String> hot, Path dir) {
        List<String> args = new ArrayList<>(List.of("java", "-jar", "loadtest-exec.jar", "bench"));
        add(args, "--gateway", gateway.toString());
        add(args, "--postgres", postgres);
        add(args, "--postgres-user", postgresUser);
        add(args, "--psp", psp);
        add(args, "--admin-email", adminEmail);
        add(args, "--profile", chosen.name());
        add(args, "--rate", Numbers.trim(chosen.baseRate()));
        add(args, "--duration", DurationText.format(chosen.duration()));
        add(args, "--users", Integer.toString(chosen.users()));
        add(args, "--seed", Long.toString(seed));
        add(args, "--arrivals", arrivals);
        add(args, "--max-in-flight", Integer.toString(maxInFlight));
        add(args, "--timeout", DurationText.format(timeout));
        add(args, "--drain-timeout", DurationText.format(chosen.drainTimeout()));
        add(args, "--flash-stock", Integer.toString(flashStock));
        add(args, "--hot-skus", String.join(",", hot));
        add(args, "--resend-share", Numbers.trim(resendShare));
        if (allow5xx) {
            args.add("--allow-5xx");
        }
        if (objectivesFile != null) {
            add(args, "--objectives", objectivesFile.toString());
        }
        objectives.forEach((key, value) -> add(args, "--objective", key + "=" + value));
        processes.forEach(process -> add(args, "--process", process.trim()));
        add(args, "--out", dir.toString());
        if (timeline != null) {
            add(args, "--timeline", timeline.toString());
        }
        if (startedFile != null) {
            add(args, "--started-file", startedFile.toString());
        }
        // Passwords are left out: they come from the environment or the launcher, never from a report.
        return String.join(" ", args.stream().map(CommandText::quote).toList());
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }
}

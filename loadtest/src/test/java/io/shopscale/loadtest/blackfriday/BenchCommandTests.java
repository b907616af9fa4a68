package io.shopscale.loadtest.blackfriday;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import io.shopscale.loadtest.LoadTestCommand;
import io.shopscale.loadtest.blackfriday.capacity.WatchedProcess;
import io.shopscale.loadtest.blackfriday.verdict.Objective;
import io.shopscale.loadtest.blackfriday.workload.Action;
import io.shopscale.loadtest.blackfriday.workload.Arrivals;
import io.shopscale.loadtest.blackfriday.workload.Mix;
import io.shopscale.loadtest.blackfriday.workload.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theLaunchersCommandLineParses() {
        BenchSettings settings = settings("bench", "--gateway", "http://127.0.0.1:8080", "--postgres",
                "jdbc:postgresql://127.0.0.1:15432/postgres", "--postgres-user", "postgres", "--postgres-password", "",
                "--psp", "http://127.0.0.1:8090", "--admin-email", "admin@shopscale.local", "--admin-password",
                "correct horse battery staple 2024", "--profile", "black-friday");

        assertThat(settings.profile().name()).isEqualTo("black-friday");
        assertThat(settings.profile().duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.profile().baseRate()).isEqualTo(30);
        assertThat(settings.postgresPassword()).isEmpty();
        assertThat(settings.psp()).hasToString("http://127.0.0.1:8090");
        assertThat(settings.adminPassword()).isEqualTo("correct horse battery staple 2024");
        assertThat(settings.hotSkus()).containsExactly("HKT-00001", "LGT-00001", "ELC-00001", "OUT-00001",
                "TOY-00001");
        assertThat(settings.arrivals()).isEqualTo(Arrivals.Process.POISSON);
        assertThat(settings.out().startsWith(Path.of("target", "bench"))).isTrue();
        assertThat(settings.command()).contains("--profile black-friday", "--rate 30", "--duration 5m")
                .doesNotContain("correct horse", "--admin-password", "--postgres-password", "--allow-5xx");
        assertThat(settings.allow5xx()).as("5xx answers are never intended unless a drill says so").isFalse();
    }

    @Test
    void aFaultDrillAllowsTheOutagesServiceUnavailableAnswers() {
        BenchSettings settings = settings("bench", "--profile", "ci", "--allow-5xx");

        assertThat(settings.allow5xx()).isTrue();
        assertThat(settings.command()).contains("--allow-5xx");
    }

    @Test
    void rateDurationUsersAndSeedOverrideTheProfile() {
        BenchSettings settings = settings("bench", "--profile", "ci", "--rate", "5", "--duration", "12s", "--users",
                "3", "--seed", "7", "--arrivals", "uniform", "--psp", "none", "--drain-timeout", "15s",
                "--resend-share", "10%", "--objective", "latency.checkout.p99=300ms", "--objective",
                "server-errors=off", "--out", "build/bf");

        assertThat(settings.profile().baseRate()).isEqualTo(5);
        assertThat(settings.profile().duration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(settings.profile().users()).isEqualTo(3);
        assertThat(settings.profile().drainTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.profile().hasFlashSale()).isTrue();
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.arrivals()).isEqualTo(Arrivals.Process.UNIFORM);
        assertThat(settings.psp()).isNull();
        assertThat(settings.resendShare()).isEqualTo(0.1);
        assertThat(settings.out()).isEqualTo(Path.of("build/bf"));
        assertThat(settings.objectives()).extracting(Objective::key).doesNotContain("server-errors");
        assertThat(settings.objectives()).filteredOn(o -> o.key().equals("latency.checkout.p99"))
                .singleElement().satisfies(o -> assertThat(o.limit()).isEqualTo(300));
        // The ci profile loosens latency for a shared machine; options still win over it.
        assertThat(settings.objectives()).filteredOn(o -> o.key().equals("latency.search.p99"))
                .singleElement().satisfies(o -> assertThat(o.limit()).isEqualTo(2000));
    }

    @Test
    void aDrillRunsMostlyCheckoutsAndIsJudgedOnItsInvariantsAlone() {
        BenchSettings settings = settings("bench", "--profile", "drill", "--rate", "4", "--duration", "3m",
                "--timeline", "out/timeline.json", "--started-file", "out/load-started", "--objective",
                "latency.checkout.p99=100ms", "--process", "compact=17");

        assertThat(settings.profile().name()).isEqualTo("drill");
        assertThat(settings.profile().hasFlashSale()).isFalse();
        assertThat(Mix.of(settings.profile().phases().getFirst()).share(Action.CHECKOUT)).isEqualTo(0.6);
        assertThat(settings.objectives()).as("latency is not what a drill judges").isEmpty();
        // The launcher names the platform's processes for every load it runs; only a capacity run reads them.
        assertThat(settings.processes()).containsExactly(new WatchedProcess("compact", 17));
        assertThat(settings.capacityRun()).isFalse();
        assertThat(settings.command()).contains("--timeline out/timeline.json", "--started-file out/load-started");
    }

    @Test
    void theCapacityProfileStepsTheRegularMixAndScalesLikeAnyOther() {
        BenchSettings settings = settings("bench", "--profile", "capacity");

        assertThat(settings.capacityRun()).isTrue();
        assertThat(settings.profile().phases()).extracting(Phase::name).containsExactly("warm", "step-1", "step-2",
                "step-3", "step-4", "step-5", "step-6", "step-7", "step-8");
        assertThat(settings.profile().phases().getFirst().to()).isEqualTo(1);
        assertThat(settings.profile().phases()).allSatisfy(phase -> {
            assertThat(phase.from()).isEqualTo(phase.to());
            assertThat(phase.duration()).isEqualTo(Duration.ofSeconds(20));
            assertThat(Mix.of(phase)).isEqualTo(Mix.REGULAR);
        });
        assertThat(settings.profile().phases().getLast().to()).isEqualTo(8);
        assertThat(settings.profile().baseRate()).isEqualTo(40);
        assertThat(settings.profile().users()).isEqualTo(200);
        assertThat(settings.profile().drainTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.profile().hasFlashSale()).isFalse();
        assertThat(settings.processes()).isEmpty();

        BenchSettings scaled = settings("bench", "--profile", "capacity", "--rate", "25", "--duration", "90s");
        assertThat(scaled.profile().baseRate()).isEqualTo(25);
        assertThat(scaled.profile().phases()).allSatisfy(phase -> assertThat(phase.duration())
                .isEqualTo(Duration.ofSeconds(10)));
        assertThat(settings("bench", "--profile", "black-friday").capacityRun()).isFalse();
    }

    @Test
    void processesToWatchAreNamedWithTheirPids() {
        BenchSettings settings = settings("bench", "--profile", "capacity", "--process", "gateway-1=4242",
                "--process", "compact=17", "--process", "stores-1=9");

        assertThat(settings.processes()).containsExactly(new WatchedProcess("gateway-1", 4242),
                new WatchedProcess("compact", 17), new WatchedProcess("stores-1", 9));
        assertThat(settings.command()).contains("--process gateway-1=4242 --process compact=17 --process stores-1=9");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gateway-1           | --process takes NAME=PID",
        "gateway-1=          | --process takes NAME=PID",
        "=4242               | --process takes NAME=PID",
        "gateway-1=0         | --process takes NAME=PID",
        "gateway-1=-5        | --process takes NAME=PID",
        "gateway-1=12ab      | --process takes NAME=PID",
        "gate way=12         | --process takes NAME=PID"})
    void aProcessThatIsNotNameEqualsPidIsRefused(String process, String reason) {
        CommandLine command = LoadTestCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        assertThat(command.execute("bench", "--process", process.trim())).isEqualTo(2);
        assertThat(err.toString()).contains(reason.trim(), "e.g. gateway-1=12345", "not '" + process.trim() + "'");
    }

    @Test
    void aProcessGivenTwiceIsRefused() {
        CommandLine command = LoadTestCommand.commandLine();
        command.setErr(new PrintWriter(err, true));

        assertThat(command.execute("bench", "--process", "a=1", "--process", "a=2")).isEqualTo(2);
        assertThat(command.execute("bench", "--process", "a=1", "--process", "b=1")).isEqualTo(2);
        assertThat(err.toString()).contains("--process names a twice", "--process gives pid 1 twice");
    }

    @Test
    void aStartedFileWithoutATimelineIsRefused() {
        CommandLine command = LoadTestCommand.commandLine();
        command.setErr(new PrintWriter(err, true));

        assertThat(command.execute("bench", "--started-file", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--started-file belongs to a drill");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--profile=cyber-monday      | unknown profile 'cyber-monday'",
        "--rate=0                    | --rate must be a positive number",
        "--users=0                   | --users must be at least 1",
        "--duration=0s               | --duration must be positive",
        "--objective=latency.x.p99=1s | names no endpoint",
        "--resend-share=150%         | not an error rate",
        "--postgres=mysql://db/shop  | --postgres must be a jdbc:postgresql: URL",
        "--hot-skus=hkt 1            | --hot-skus must be SKUs",
        "--arrivals=bursty           | not an arrival process",
        "--max-in-flight=0           | --max-in-flight must be at least 1"})
    void badOptionsExitTwoWithTheReason(String option, String reason) {
        CommandLine command = LoadTestCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int code = command.execute("bench", option.trim());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(reason.trim());
    }

    @Test
    void helpNamesTheExitCodesAndProfiles() {
        CommandLine command = LoadTestCommand.commandLine();
        command.setOut(new PrintWriter(out, true));

        assertThat(command.execute("bench", "--help")).isZero();
        assertThat(out.toString()).contains("--profile=NAME", "steady, black-friday, spike or ci", "capacity steps",
                "--process=NAME=PID",
                "--objective=KEY=LIMIT",
                "3   an invariant was broken", "4   the bench could not run");
    }

    private static BenchSettings settings(String... args) {
        CommandLine command = LoadTestCommand.commandLine();
        CommandLine.ParseResult parsed = command.parseArgs(args);
        return ((BenchCommand) parsed.subcommand().commandSpec().userObject()).settings();
    }
}

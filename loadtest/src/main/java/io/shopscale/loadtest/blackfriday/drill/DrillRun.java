package io.shopscale.loadtest.blackfriday.drill;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.audit.GroundTruth;
import io.shopscale.loadtest.blackfriday.audit.Invariant;
import io.shopscale.loadtest.blackfriday.audit.OrderRecord;
import io.shopscale.loadtest.blackfriday.audit.RunScope;
import io.shopscale.loadtest.blackfriday.report.BenchHtml;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.blackfriday.traffic.LoadObserver;
import io.shopscale.loadtest.blackfriday.traffic.OrderTracker;
import io.shopscale.loadtest.blackfriday.verdict.Verdict;
import io.shopscale.loadtest.report.JsonReport;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bench as a fault drill ({@code --timeline}): the load lines up with a fault that someone else injects and heals,
 * the settle step waits for the run's whole backlog, and the verdict is the invariants plus three checks of the drill
 * itself (the fault was healed, a checkout was accepted after it, the backlog drained); latency objectives are not
 * judged. Writes {@code report.json} (the bench's report with a {@code drill} member), {@code report.html} and
 * {@code report.txt}, the text printed on the terminal.
 */
public final class DrillRun implements AutoCloseable {

    /** Where the drill checks sit among the invariants. */
    static final String FAULT_HEALED = "fault-healed";
    static final String RECOVERED = "recovered-after-healing";
    static final String DRAINED = "backlog-drained";
    static final String NO_5XX_BEFORE_FAULT = "no-5xx-before-the-fault";

    /** Before the load, orders of the run cannot exist; a second of slack covers clocks read a moment apart. */
    private static final Duration SINCE_SLACK = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DrillWatch watch;
    private final FreshGroundTruth truth;
    private final JdbcBacklog backlog;
    private Instant loadEndedAt;
    private Settling.Outcome settled = new Settling.Outcome(false, null, "not waited for");
    private Collection<String> userIds = List.of();
    private Set<UUID> accepted = Set.of();
    private Instant since = Instant.now();

    public DrillRun(Path timeline, Path startedFile, String postgresUrl, String postgresUser,
                    String postgresPassword) {
        this.watch = new DrillWatch(timeline, startedFile);
        this.truth = new FreshGroundTruth(postgresUrl, postgresUser, postgresPassword);
        this.backlog = new JdbcBacklog(postgresUrl, postgresUser, postgresPassword);
    }

    /** Follows the load: its start, every answer, and its end a tail after the fault is healed. */
    public LoadObserver observer() {
        return watch;
    }

    /** The auditor's reads, on a connection opened after the fault rather than before it. */
    public GroundTruth groundTruth() {
        return truth;
    }

    /** Right after the load: waits until the run's orders are final and nothing is left to do for them. */
    public void settle(Collection<String> userIds, OrderTracker orders, Duration timeout, PrintWriter err)
            throws InterruptedException {
        loadEndedAt = Instant.now();
        this.userIds = List.copyOf(userIds);
        since = (watch.startedAt() == null ? loadEndedAt : watch.startedAt()).minus(SINCE_SLACK);
        err.printf("load done; waiting until nothing is left to do for the run's orders%n");
        err.flush();
        settled = new Settling(() -> {
            accepted = orders.acceptedOrderIds();
            return backlog.read(userIds, accepted, since);
        }, timeout, Thread::sleep, System::nanoTime, Instant::now, err).await();
    }

    /** Writes the report files, prints the drill's summary and returns the exit code. */
    public int finish(BenchReport judged, Path dir, PrintWriter out) throws IOException {
        BenchReport bench = withDrillsRuleFor5xx(judged);
        DrillReport drill = report(bench);
        String text = DrillConsole.render(drill, bench);
        Files.createDirectories(dir);
        ObjectNode json = (ObjectNode) JSON.readTree(JsonReport.render(bench));
        json.set("drill", JSON.readTree(JsonReport.render(drill)));
        Files.writeString(dir.resolve("report.json"), JsonReport.render(json) + "\n");
        Files.writeString(dir.resolve("report.html"), BenchHtml.render(bench));
        Files.writeString(dir.resolve("report.txt"), text);
        out.print(text);
        out.println("report: " + dir.resolve("report.json") + " (report.html and report.txt beside it)");
        out.flush();
        return drill.exitCode();
    }

    DrillReport report(BenchReport bench) {
        FaultTimeline timeline = watch.finalTimeline();
        Instant start = watch.startedAt() == null ? Instant.now() : watch.startedAt();
        Instant end = loadEndedAt == null ? Instant.now() : loadEndedAt;
        List<Answer> answers = watch.answers();
        String failure = timeline.failure() != null ? timeline.failure() : watch.unreadable();
        DrillReport.Fault fault = new DrillReport.Fault(timeline.fault(), timeline.what(), timeline.injectedAt(),
                timeline.healedAt(), timeline.length().map(length -> length.toMillis() / 1000.0).orElse(null),
                failure);
        BenchReport.Run run = bench.run();
        DrillReport.Load load = new DrillReport.Load(run.profile(), run.baseRate(), run.users(), run.seed(), start,
                end, run.loadSeconds(), answers.size(), Recovery.outcomes(answers));
        DrillReport.Recovery recovery = Recovery.recovery(answers, timeline, start, end);
        Recovery.HeldOver heldOver = Recovery.heldOver(runOrders(), timeline.healedAt());
        DrillReport.Drain drain = new DrillReport.Drain(heldOver.orders(), heldOver.notFinal(),
                heldOver.lastFinalAfterHealing(), settled.drained(), settled.at(),
                settled.at() == null || !timeline.healed() ? null : Recovery.seconds(timeline.healedAt(), settled.at()),
                settled.at() == null ? null : Recovery.seconds(end, settled.at()), settled.remaining());
        List<Check> checks = new ArrayList<>(bench.audit().checks());
        checks.add(no5xxBeforeTheFault(answers, timeline));
        checks.addAll(drillChecks(fault, recovery, drain, timeline, end));
        boolean passed = checks.stream().noneMatch(Check::failed);
        return new DrillReport(fault, load, Recovery.windows(answers, timeline, start, end), recovery, drain,
                checks, passed, passed ? Verdict.PASSED : Verdict.INVARIANT_BROKEN);
    }

    /** The run's orders as stored; none when they cannot be read (the audit then says why). */
    private List<OrderRecord> runOrders() {
        try {
            return truth.read(new RunScope(since, Set.copyOf(userIds), accepted)).orders();
        }
        catch (AuditException ex) {
            return List.of();
        }
    }

    static List<Check> drillChecks(DrillReport.Fault fault, DrillReport.Recovery recovery, DrillReport.Drain drain,
                                   FaultTimeline timeline, Instant loadEnd) {
        boolean healed = timeline.injected() && timeline.healed() && fault.failure() == null;
        String healing = !timeline.injected() ? "the fault was never injected"
                : !timeline.healed() ? "the fault was injected but never healed"
                : fault.failure() != null ? fault.failure()
                : String.format(Locale.ROOT, "lasted %.1f s", fault.seconds());
        Check faultHealed = check(FAULT_HEALED, "the fault was injected, then healed, while the load ran", healed,
                healing);
        String recovered = recovery.firstAcceptedAfterHealing() != null
                ? String.format(Locale.ROOT, "first checkout accepted %.1f s after healing",
                        recovery.firstAcceptedAfterHealing())
                : timeline.healed() ? String.format(Locale.ROOT, "no checkout accepted in the %.1f s "
                        + "between healing and the end of the load", Recovery.seconds(timeline.healedAt(), loadEnd))
                : "never healed";
        Check recoveredCheck = check(RECOVERED, "a checkout was accepted (202) after the fault was healed, before "
                + "the load ended", recovery.firstAcceptedAfterHealing() != null, recovered);
        Check drained = check(DRAINED, "after the load, every order of the run became final and nothing was left "
                + "in the outboxes, payments, refunds or reservations of the run", drain.drained(),
                drain.drained() ? String.format(Locale.ROOT, "drained %.1f s after the load ended",
                        drain.afterLoad()) : "left: " + drain.remaining());
        return List.of(faultHealed, recoveredCheck, drained);
    }

    /**
     * The bench's rule that any 5xx fails gives way to the drill's ({@link #no5xxBeforeTheFault}): the fault's own 5xx
     * are reported window by window, and only one before the fault was injected is unintended.
     */
    static BenchReport withDrillsRuleFor5xx(BenchReport bench) {
        BenchReport.Audit audit = bench.audit();
        List<Check> checks = audit.checks().stream()
                .filter(check -> !check.name().equals(Invariant.NO_UNINTENDED_5XX.label()))
                .toList();
        return new BenchReport(bench.tool(), bench.timestamp(), bench.environment(), bench.run(), bench.phases(),
                bench.setup(), bench.endpoints(), bench.orders(), bench.timeline(),
                new BenchReport.Audit(audit.settled(), audit.pendingAfterSettling(), audit.stillPending(),
                        audit.settleWaitSeconds(), checks, audit.facts(), audit.problems()),
                bench.capacity(), bench.objectives(), Verdict.of(checks, bench.objectives()));
    }

    /** Before the fault the platform is whole: any 5xx answered then is a failure of its own. */
    static Check no5xxBeforeTheFault(List<Answer> answers, FaultTimeline timeline) {
        Instant injected = timeline.injected() ? timeline.injectedAt() : Instant.MAX;
        Map<String, Long> before = new TreeMap<>();
        answers.stream()
                .filter(answer -> answer.at().isBefore(injected) && answer.outcome().startsWith("5"))
                .forEach(answer -> before.merge(answer.endpoint().label() + " " + answer.outcome(), 1L, Long::sum));
        long count = before.values().stream().mapToLong(Long::longValue).sum();
        List<String> examples = before.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).toList();
        return new Check(NO_5XX_BEFORE_FAULT, "no request was answered 5xx before the fault was injected (those "
                + "during and after it are the fault's, reported per window)", count == 0 ? Check.Status.PASS
                : Check.Status.FAIL, count, count + " 5xx answers before the fault", examples);
    }

    private static Check check(String name, String rule, boolean passed, String detail) {
        return new Check(name, rule, passed ? Check.Status.PASS : Check.Status.FAIL, passed ? 0 : 1, detail,
                List.of());
    }


    @Override
    public void close() {
        truth.close();
        backlog.close();
    }
}

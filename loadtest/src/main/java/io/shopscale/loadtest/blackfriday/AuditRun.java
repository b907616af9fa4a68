package io.shopscale.loadtest.blackfriday;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.shopscale.loadtest.account.Shopper;
import io.shopscale.loadtest.blackfriday.audit.Answers;
import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.Auditor;
import io.shopscale.loadtest.blackfriday.audit.ChargeLedger;
import io.shopscale.loadtest.blackfriday.audit.Drain;
import io.shopscale.loadtest.blackfriday.audit.GroundTruth;
import io.shopscale.loadtest.blackfriday.audit.RunScope;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.traffic.Measurements;
import io.shopscale.loadtest.blackfriday.traffic.OrderTracker;
import io.shopscale.loadtest.blackfriday.traffic.Traffic;

/**
 * The audit around the load: after it, wait for the run to settle, then read the ground truth and judge it. If the
 * stores cannot be read, every invariant is reported unverified, which fails the run.
 */
final class AuditRun {

    private static final Duration POLLS_CATCH_UP = Duration.ofSeconds(20);

    private final GroundTruth truth;
    private final ChargeLedger charges;
    private final Bench.Prepared prepared;
    private final List<String> hotSkus;
    private final boolean allow5xx;
    private final PrintWriter err;
    private final Set<String> userIds;
    private final List<String> problems = new ArrayList<>();
    private Drain.Outcome settled = new Drain.Outcome(false, null, Duration.ZERO);

    AuditRun(GroundTruth truth, ChargeLedger charges, Bench.Prepared prepared, List<String> hotSkus, boolean allow5xx,
             PrintWriter err) {
        this.truth = truth;
        this.charges = charges;
        this.prepared = prepared;
        this.hotSkus = List.copyOf(hotSkus);
        this.allow5xx = allow5xx;
        this.err = err;
        this.userIds = Set.copyOf(prepared.shoppers().stream().map(Shopper::subject).toList());
    }

    void settle(Drain drain, OrderTracker orders) throws InterruptedException {
        err.printf("load done; waiting for the run's orders, reservations and payments to settle%n");
        err.flush();
        try {
            settled = drain.await(() -> scope(orders));
        }
        catch (AuditException ex) {
            problems.add("waiting for the run to settle failed: " + ex.getMessage());
        }
        // The owners' polls back off to seconds apart: give them one more round to see what the database already says.
        long deadline = System.nanoTime() + POLLS_CATCH_UP.toNanos();
        while (settled.drained() && orders.pending() > 0 && System.nanoTime() < deadline) {
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).join();
        }
    }

    BenchReport.Audit judge(Traffic.Result result) throws InterruptedException {
        err.printf("auditing the stores%s%n", charges == null ? "" : " and the payment provider's charges");
        err.flush();
        Answers answers = new Answers(result.orders().replayMismatches(), serverErrors(result.measurements()),
                allow5xx);
        double waited = settled.waited().toMillis() / 1000.0;
        try {
            Auditor.Audit audit = Auditor.audit(truth, charges, prepared.before(), scope(result.orders()), answers,
                    hotSkus);
            return new BenchReport.Audit(settled.drained(), settled.count(), settled.pending(), waited,
                    audit.checks(), audit.facts(), problems);
        }
        catch (AuditException ex) {
            problems.add(ex.getMessage());
            return new BenchReport.Audit(settled.drained(), settled.count(), settled.pending(), waited,
                    Auditor.unverified(ex.getMessage()), null, problems);
        }
    }

    /** Every 5xx answer per endpoint and status, and how many of the 503s carried Retry-After. */
    static List<Answers.ServerErrors> serverErrors(Measurements measurements) {
        List<Answers.ServerErrors> tallies = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Map.Entry<String, Long> outcome : measurements.summary(endpoint, 1).counts().entrySet()) {
                if (outcome.getKey().matches("5\\d\\d")) {
                    int status = Integer.parseInt(outcome.getKey());
                    tallies.add(new Answers.ServerErrors(endpoint.label(), status, outcome.getValue(),
                            status == 503 ? measurements.unavailableWithRetryAfter(endpoint) : 0));
                }
            }
        }
        return tallies;
    }

    private RunScope scope(OrderTracker orders) {
        return new RunScope(prepared.before().at(), userIds, orders.acceptedOrderIds());
    }

}

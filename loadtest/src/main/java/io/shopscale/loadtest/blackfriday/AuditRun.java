package io.shopscale.loadtest.blackfriday;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.shopscale.loadtest.account.Shopper;
import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.Auditor;
import io.shopscale.loadtest.blackfriday.audit.ChargeLedger;
import io.shopscale.loadtest.blackfriday.audit.Drain;
import io.shopscale.loadtest.blackfriday.audit.GroundTruth;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.blackfriday.traffic.OrderTracker;

/**
 * The audit around the load: after it, wait for the run's orders to settle, then read the ground truth and judge
 * it. If the stores cannot be read, every invariant is reported unverified, which fails the run.
 */
final class AuditRun {

    private static final Duration POLLS_CATCH_UP = Duration.ofSeconds(20);

    private final GroundTruth truth;
    private final ChargeLedger charges;
    private final Bench.Prepared prepared;
    private final List<String> hotSkus;
    private final PrintWriter err;
    private final List<String> userIds;
    private final List<String> problems = new ArrayList<>();
    private Drain.Outcome settled = new Drain.Outcome(false, -1, Duration.ZERO);

    AuditRun(GroundTruth truth, ChargeLedger charges, Bench.Prepared prepared, List<String> hotSkus,
             PrintWriter err) {
        this.truth = truth;
        this.charges = charges;
        this.prepared = prepared;
        this.hotSkus = List.copyOf(hotSkus);
        this.err = err;
        this.userIds = prepared.shoppers().stream().map(Shopper::subject).toList();
    }

    void settle(Drain drain, OrderTracker orders) throws InterruptedException {
        err.printf("load done; waiting for the run's orders to settle%n");
        err.flush();
        try {
            settled = drain.await(userIds, () -> uuids(orders.acceptedIds()));
        }
        catch (AuditException ex) {
            problems.add("waiting for orders to settle failed: " + ex.getMessage());
        }
        // The owners' polls back off to seconds apart: give them one more round to see what the database already says.
        long deadline = System.nanoTime() + POLLS_CATCH_UP.toNanos();
        while (settled.drained() && orders.pending() > 0 && System.nanoTime() < deadline) {
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).join();
        }
    }

    BenchReport.Audit judge(OrderTracker orders) throws InterruptedException {
        Set<UUID> accepted = uuids(orders.acceptedIds());
        err.printf("auditing the stores%s%n", charges == null ? "" : " and the payment provider's charges");
        err.flush();
        try {
            Auditor.Audit audit = Auditor.audit(truth, charges, prepared.stockBefore(), userIds, accepted, hotSkus,
                    orders.replayMismatches());
            return new BenchReport.Audit(settled.drained(), settled.pending(), settled.waited().toMillis() / 1000.0,
                    audit.checks(), audit.facts(), problems);
        }
        catch (AuditException ex) {
            problems.add(ex.getMessage());
            return new BenchReport.Audit(settled.drained(), settled.pending(), settled.waited().toMillis() / 1000.0,
                    Auditor.unverified(ex.getMessage()), null, problems);
        }
    }

    private Set<UUID> uuids(Set<String> ids) {
        Set<UUID> uuids = new HashSet<>();
        for (String id : ids) {
            try {
                uuids.add(UUID.fromString(id));
            }
            catch (IllegalArgumentException ex) {
                // Not an id the orders service would hand out; nothing to look up.
            }
        }
        return uuids;
    }
}

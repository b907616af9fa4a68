package io.shopscale.loadtest.blackfriday.report;

import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.blackfriday.audit.AuditFacts;
import io.shopscale.loadtest.blackfriday.audit.Check;
import io.shopscale.loadtest.blackfriday.audit.Pending;
import io.shopscale.loadtest.blackfriday.capacity.Capacity;
import io.shopscale.loadtest.blackfriday.traffic.TimelinePoint;
import io.shopscale.loadtest.blackfriday.verdict.ObjectiveResult;
import io.shopscale.loadtest.blackfriday.verdict.Verdict;
import io.shopscale.loadtest.report.Environment;
import io.shopscale.loadtest.report.Latency;

/**
 * Everything a run found, as written to {@code report.json} and rendered into {@code report.html}; {@code capacity}
 * only for a capacity run (else null).
 */
public record BenchReport(String tool, String timestamp, Environment environment, Run run, List<PhaseSpan> phases,
        Setup setup, List<EndpointResult> endpoints, Orders orders, List<TimelinePoint> timeline, Audit audit,
        Capacity capacity, List<ObjectiveResult> objectives, Verdict verdict) {

    public BenchReport {
        phases = List.copyOf(phases);
        endpoints = List.copyOf(endpoints);
        timeline = List.copyOf(timeline);
        objectives = List.copyOf(objectives);
    }

    /**
     * The settings that repeat the run; {@code command} is the command line with secrets redacted.
     *
     * @param loadSeconds   how long arrivals came
     * @param settleSeconds how long the platform was then given to settle the orders
     */
    public record Run(String profile, String description, double baseRate, int users, long seed, String arrivals,
            int maxInFlight, String timeout, String drainTimeout, int flashStock, double resendShare,
            double loadSeconds, double settleSeconds, int abandoned, String command) {
    }

    /** One phase of the profile, placed on the run's clock; rates are arrivals per second. */
    public record PhaseSpan(String name, double start, double seconds, double fromRate, double toRate,
            boolean flashSale) {
    }

    /**
     * Before the load: shoppers registered (with how many 429s waited out), the products drawn from, and the hot SKUs'
     * stock as reset by the admin API ({@code hotStockReset} false when no admin password was given).
     */
    public record Setup(int shoppers, double seconds, long rateLimited, double waitedSeconds, int products,
            List<String> hotSkus, boolean hotStockReset) {
    }

    /**
     * One endpoint: {@code perSecond} is answered requests over the load window; {@code errors} include dropped
     * requests; {@code statuses} counts every outcome (status code, timeout, io-error, dropped); {@code latencyMs} and
     * {@code distribution} are of the measured answers.
     */
    public record EndpointResult(String name, String request, long requests, double perSecond, long errors,
            double errorRate, Map<String, Long> statuses, Latency latencyMs, List<PercentilePoint> distribution) {
    }

    /** A point of a latency distribution: the value (ms) at a percentile. */
    public record PercentilePoint(double percentile, double ms) {
    }

    /**
     * Orders as the generator saw them: accepted (202, distinct ids), seen final by the owner's polls, and the time
     * from the 202 to that poll. {@code resendsAnsweredWithAnotherOrder} must be zero.
     */
    public record Orders(long accepted, long seenConfirmed, long seenCancelled, long neverSeenFinal,
            long resendsAnsweredWithAnotherOrder, Latency acceptedToFinalMs, List<PercentilePoint> distribution) {
    }

    /**
     * What the auditor found after waiting for the platform to settle. {@code pendingAfterSettling} counts what was
     * still in motion when the wait ended (-1: unknown), {@code stillPending} says what it was (null: unknown).
     */
    public record Audit(boolean settled, long pendingAfterSettling, Pending stillPending, double settleWaitSeconds,
            List<Check> checks, AuditFacts facts, List<String> problems) {

        public Audit {
            checks = List.copyOf(checks);
            problems = List.copyOf(problems);
        }
    }
}

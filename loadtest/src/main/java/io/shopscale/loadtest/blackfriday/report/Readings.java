package io.shopscale.loadtest.blackfriday.report;

import java.util.Map;

import io.shopscale.loadtest.bench.Summary;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.traffic.Measurements;
import io.shopscale.loadtest.blackfriday.traffic.OrderTracker;
import io.shopscale.loadtest.blackfriday.verdict.Measured;
import org.HdrHistogram.Histogram;

/**
 * The objectives' view of a finished run, read from the full histograms so any percentile can be asked for. An
 * accepted order that was never seen final counts as slower than every one that was: a percentile it would fall on
 * has no value, and the objective is missed.
 */
public final class Readings implements Measured {

    private final Measurements measurements;
    private final Histogram toFinal;
    private final long accepted;
    private final long abandoned;

    public Readings(Measurements measurements, OrderTracker orders, long abandoned) {
        this.measurements = measurements;
        this.toFinal = orders.timeToFinalMicros();
        this.accepted = orders.acceptedIds().size();
        this.abandoned = abandoned;
    }

    @Override
    public Reading latencyMillis(String endpoint, double percentile) {
        Histogram micros = measurements.summary(Endpoint.labelled(endpoint).orElseThrow(), 1).successMicros();
        if (micros.getTotalCount() == 0) {
            return Reading.none("no measured answers");
        }
        return Reading.of(at(micros, percentile) / 1000.0);
    }

    @Override
    public Reading orderFinalMillis(double percentile) {
        return orderFinal(toFinal, accepted, percentile);
    }

    static Reading orderFinal(Histogram micros, long accepted, double percentile) {
        if (accepted == 0) {
            return Reading.none("no order was accepted");
        }
        long resolved = micros.getTotalCount();
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * accepted));
        if (rank > resolved) {
            return Reading.none((accepted - resolved) + " of " + accepted + " accepted orders never seen final");
        }
        return Reading.of(at(micros, 100.0 * rank / resolved) / 1000.0);
    }

    @Override
    public double errorRate() {
        long errors = abandoned;
        long requests = abandoned;
        for (Endpoint endpoint : Endpoint.values()) {
            Summary summary = measurements.summary(endpoint, 1);
            requests += summary.calls() + summary.dropped();
            errors += summary.dropped() + Results.errors(endpoint, summary.counts());
        }
        return requests == 0 ? 0 : (double) errors / requests;
    }

    @Override
    public long serverErrors() {
        long count = 0;
        for (Endpoint endpoint : Endpoint.values()) {
            for (Map.Entry<String, Long> outcome : measurements.summary(endpoint, 1).counts().entrySet()) {
                if (outcome.getKey().startsWith("5")) {
                    count += outcome.getValue();
                }
            }
        }
        return count;
    }

    private static long at(Histogram micros, double percentile) {
        return percentile >= 100 ? micros.getMaxValue() : micros.getValueAtPercentile(percentile);
    }
}

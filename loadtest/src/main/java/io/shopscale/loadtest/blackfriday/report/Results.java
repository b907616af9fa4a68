package io.shopscale.loadtest.blackfriday.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shopscale.loadtest.bench.Summary;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.traffic.Measurements;
import io.shopscale.loadtest.blackfriday.traffic.OrderTracker;
import io.shopscale.loadtest.report.Latency;
import org.HdrHistogram.Histogram;

/** Turns the generator's counters and histograms into the report's records. */
public final class Results {

    /** Where the latency distribution is sampled: dense in the tail, where the news is. */
    static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100};

    private Results() {
    }

    /** Endpoints that saw requests, in the enum's order. */
    public static List<BenchReport.EndpointResult> endpoints(Measurements measurements, double loadSeconds) {
        List<BenchReport.EndpointResult> results = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            Summary summary = measurements.summary(endpoint, loadSeconds);
            long requests = summary.calls() + summary.dropped();
            if (requests == 0) {
                continue;
            }
            Map<String, Long> statuses = new TreeMap<>(summary.counts());
            if (summary.dropped() > 0) {
                statuses.put("dropped", summary.dropped());
            }
            long errors = errors(endpoint, statuses);
            results.add(new BenchReport.EndpointResult(endpoint.label(), endpoint.request(), requests,
                    round(loadSeconds > 0 ? summary.calls() / loadSeconds : 0, 1), errors,
                    round((double) errors / requests, 5), new LinkedHashMap<>(statuses),
                    Latency.of(summary.successMicros()), distribution(summary.successMicros())));
        }
        return results;
    }

    public static BenchReport.Orders orders(OrderTracker orders) {
        Histogram micros = orders.timeToFinalMicros();
        long accepted = orders.acceptedIds().size();
        return new BenchReport.Orders(accepted, orders.seenConfirmed(), orders.seenCancelled(),
                accepted - orders.seenConfirmed() - orders.seenCancelled(), orders.replayMismatches().size(),
                Latency.of(micros), distribution(micros));
    }

    static long errors(Endpoint endpoint, Map<String, Long> statuses) {
        return statuses.entrySet().stream().filter(e -> endpoint.isError(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static List<BenchReport.PercentilePoint> distribution(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return List.of();
        }
        List<BenchReport.PercentilePoint> points = new ArrayList<>(PERCENTILES.length);
        for (double p : PERCENTILES) {
            long value = p == 100 ? micros.getMaxValue() : p == 0 ? micros.getMinValue()
                    : micros.getValueAtPercentile(p);
            points.add(new BenchReport.PercentilePoint(p, round(value / 1000.0, 3)));
        }
        return points;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

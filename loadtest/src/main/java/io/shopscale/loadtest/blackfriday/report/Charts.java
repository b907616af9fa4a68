package io.shopscale.loadtest.blackfriday.report;

import java.util.List;
import java.util.function.Function;

import io.shopscale.loadtest.blackfriday.traffic.TimelinePoint;

/** The report's charts, built from its records: three over time with the phases shaded, and distributions. */
final class Charts {

    private static final String TIME = "seconds since the start";

    private Charts() {
    }

    static String throughput(BenchReport report) {
        List<TimelinePoint> points = report.timeline();
        return overTime(new LineChart("Throughput over time", TIME, "requests/s", LineChart.Axis.LINEAR), report)
                .series("arrivals due", seconds(points), values(points, p -> (double) p.arrivals()))
                .series("answered", seconds(points), values(points, p -> (double) p.answered()))
                .series("errors", seconds(points), values(points, p -> (double) p.errors())).svg();
    }

    static String latency(BenchReport report) {
        List<TimelinePoint> points = report.timeline();
        return overTime(new LineChart("Latency over time", TIME, "ms", LineChart.Axis.LINEAR), report)
                .series("p50, all endpoints", seconds(points), values(points, TimelinePoint::p50Ms))
                .series("p99, all endpoints", seconds(points), values(points, TimelinePoint::p99Ms))
                .series("p99, checkout 202", seconds(points), values(points, TimelinePoint::checkoutP99Ms)).svg();
    }

    static String backlog(BenchReport report) {
        List<TimelinePoint> points = report.timeline();
        return overTime(new LineChart("Pending orders over time", TIME, "count", LineChart.Axis.LINEAR), report)
                .series("pending orders", seconds(points), values(points, p -> (double) p.pendingOrders()))
                .series("requests in flight", seconds(points), values(points, p -> (double) p.inFlight())).svg();
    }

    /** A distribution chart to add series to, one per {@link #add}. */
    static LineChart distribution(String title) {
        return new LineChart(title, "percentile", "ms", LineChart.Axis.PERCENTILE);
    }

    static void add(LineChart chart, String name, List<BenchReport.PercentilePoint> points) {
        if (!points.isEmpty()) {
            chart.series(name, points.stream().mapToDouble(p -> LineChart.percentilePosition(p.percentile()))
                    .toArray(), points.stream().map(BenchReport.PercentilePoint::ms).toArray(Double[]::new));
        }
    }

    private static LineChart overTime(LineChart chart, BenchReport report) {
        for (BenchReport.PhaseSpan phase : report.phases()) {
            chart.band(new LineChart.Band(phase.start(), phase.start() + phase.seconds(), phase.name(),
                    phase.flashSale()));
        }
        double end = report.run().loadSeconds();
        if (report.run().settleSeconds() > 0) {
            chart.band(new LineChart.Band(end, end + report.run().settleSeconds(), "settling", false));
        }
        return chart;
    }

    /** Each point at the end of its second. */
    private static double[] seconds(List<TimelinePoint> points) {
        return points.stream().mapToDouble(p -> p.second() + 1).toArray();
    }

    private static Double[] values(List<TimelinePoint> points, Function<TimelinePoint, Double> value) {
        return points.stream().map(value).toArray(Double[]::new);
    }
}

package io.shopscale.loadtest.blackfriday.traffic;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleFunction;

import io.shopscale.loadtest.bench.InFlight;
import org.HdrHistogram.Histogram;

/**
 * Once a second, takes the interval counters and histograms into a {@link TimelinePoint}; every other second prints
 * a progress line on stderr, so stdout stays clean for the report.
 */
final class Sampler implements AutoCloseable {

    private final Measurements measurements;
    private final OrderTracker orders;
    private final InFlight inFlight;
    private final DoubleFunction<String> phaseAt;
    private final long startNanos;
    private final EverySecond everySecond;
    private final PrintWriter err;
    private final List<TimelinePoint> points = new CopyOnWriteArrayList<>();
    private final Histogram soFar = new Histogram(Measurements.HIGHEST_MICROS, 2);
    private final LongAdder errors = new LongAdder();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-sampler");
        thread.setDaemon(true);
        return thread;
    });

    Sampler(Measurements measurements, OrderTracker orders, InFlight inFlight, DoubleFunction<String> phaseAt,
            long startNanos, EverySecond everySecond, PrintWriter err) {
        this.measurements = measurements;
        this.orders = orders;
        this.inFlight = inFlight;
        this.phaseAt = phaseAt;
        this.startNanos = startNanos;
        this.everySecond = everySecond;
        this.err = err;
    }

    void start() {
        everySecond.start();
        long firstIn = Math.max(0, startNanos + TimeUnit.SECONDS.toNanos(1) - System.nanoTime());
        timer.scheduleAtFixedRate(this::sampleOrWarn, firstIn, TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
    }

    List<TimelinePoint> points() {
        return List.copyOf(points);
    }

    /** A failed sample must not end the sampling: the executor would cancel every later one silently. */
    private void sampleOrWarn() {
        try {
            sample();
        }
        catch (RuntimeException ex) {
            err.println("warning: a timeline sample failed: " + ex);
            err.flush();
        }
    }

    private synchronized void sample() {
        int second = points.size();
        String phase = phaseAt.apply(second);
        Measurements.Interval interval = measurements.interval();
        soFar.add(interval.allMicros());
        errors.add(interval.errors());
        TimelinePoint point = new TimelinePoint(second, phase, interval.offered(), interval.completed(),
                interval.errors(), millis(interval.allMicros(), 50), millis(interval.allMicros(), 99),
                millis(interval.checkoutMicros(), 99), inFlight.outstanding(), orders.pending());
        points.add(point);
        everySecond.second(second, phase);
        if (second % 2 == 1) {
            Double p99 = millis(soFar, 99);
            err.printf(Locale.ROOT, "%5ds %-10s due %5d/s  answered %5d/s  errors %d  p99 so far %s ms  "
                    + "in flight %d  pending orders %d%n", second + 1, phase, point.arrivals(), point.answered(),
                    errors.sum(), p99 == null ? "-" : String.format(Locale.ROOT, "%.1f", p99), point.inFlight(),
                    point.pendingOrders());
            err.flush();
        }
    }

    private static Double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? null : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}

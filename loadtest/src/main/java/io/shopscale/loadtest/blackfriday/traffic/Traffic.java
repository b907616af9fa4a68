package io.shopscale.loadtest.blackfriday.traffic;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleFunction;

import io.shopscale.loadtest.account.Accounts;
import io.shopscale.loadtest.account.Shopper;
import io.shopscale.loadtest.bench.InFlight;
import io.shopscale.loadtest.blackfriday.workload.Arrivals;
import io.shopscale.loadtest.blackfriday.workload.Mix;
import io.shopscale.loadtest.blackfriday.workload.RateCurve;
import io.shopscale.loadtest.blackfriday.workload.Shopping;
import io.shopscale.loadtest.blackfriday.workload.Visit;

/**
 * The open-model run: visits arrive on the schedule of the {@link Arrivals}, each is drawn and started on its own
 * virtual thread at its due time whether or not earlier ones have answered, and is measured from that time. A visit
 * due while {@code maxInFlight} requests are outstanding is not sent but counted as dropped, an error. After the last
 * arrival, the caller's {@link AfterLoad} step runs (waiting for the platform to settle) while order polls go on.
 */
public final class Traffic {

    /** What the timeline calls the time after the load, while the platform settles. */
    public static final String SETTLING = "settling";

    private final ShopClient client;
    private final List<Shopper> shoppers;
    private final Accounts accounts;
    private final int maxInFlight;
    private final Duration timeout;
    private final EverySecond everySecond;
    private final PrintWriter err;

    public Traffic(ShopClient client, List<Shopper> shoppers, Accounts accounts, int maxInFlight, Duration timeout,
                   PrintWriter err) {
        this(client, shoppers, accounts, maxInFlight, timeout, EverySecond.NONE, err);
    }

    /** The same, with something to do beside each second's sample, told which phase the second belonged to. */
    public Traffic(ShopClient client, List<Shopper> shoppers, Accounts accounts, int maxInFlight, Duration timeout,
                   EverySecond everySecond, PrintWriter err) {
        this.client = client;
        this.shoppers = List.copyOf(shoppers);
        this.accounts = accounts;
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
        this.everySecond = everySecond;
        this.err = err;
    }

    public Result run(RateCurve curve, Arrivals arrivals, Shopping shopping, AfterLoad afterLoad)
            throws InterruptedException {
        return run(curve, arrivals, shopping, LoadObserver.NONE, afterLoad);
    }

    /** The same, with an observer that hears of the start and every answer and may end the load early. */
    public Result run(RateCurve curve, Arrivals arrivals, Shopping shopping, LoadObserver observer,
                      AfterLoad afterLoad) throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        double total = curve.totalSeconds();
        DoubleFunction<String> phaseAt = seconds ->
                seconds < Math.min(total, observer.endSeconds()) ? curve.phaseAt(seconds).name() : SETTLING;
        Measurements measurements = new Measurements(observer, start, phaseAt);
        InFlight inFlight = new InFlight(maxInFlight);
        Sessions sessions = new Sessions(shoppers, accounts, measurements);
        try (FollowUps followUps = new FollowUps(inFlight)) {
            OrderTracker orders = new OrderTracker(client, sessions, measurements, followUps);
            Shop shop = new Shop(client, sessions, measurements, orders, followUps);
            Sampler sampler = new Sampler(measurements, orders, inFlight, phaseAt, start, everySecond, err);
            sampler.start();
            observer.started(start);
            try {
                double at;
                while ((at = arrivals.next()) >= 0 && at < observer.endSeconds()) {
                    long due = start + (long) (at * 1e9);
                    Visit visit = shopping.next(Mix.of(curve.phaseAt(at)));
                    InFlight.parkUntil(due);
                    measurements.offered(due);
                    if (!inFlight.tryStart(() -> shop.perform(visit, due))) {
                        measurements.dropped(Endpoint.of(visit.action()));
                    }
                }
                InFlight.parkUntil(start + (long) (Math.min(total, observer.endSeconds()) * 1e9));
                long loadEnd = System.nanoTime();
                afterLoad.run(orders);
                followUps.stop();
                boolean idle = inFlight.awaitIdle(timeout.plusSeconds(1));
                int abandoned = idle ? 0 : inFlight.outstanding();
                return new Result(measurements, orders, sampler.points(), (loadEnd - start) / 1e9,
                        (System.nanoTime() - loadEnd) / 1e9, abandoned);
            }
            finally {
                sampler.close();
            }
        }
    }

    /** What runs once the last arrival is due: waiting for the platform to settle. */
    @FunctionalInterface
    public interface AfterLoad {

        void run(OrderTracker orders) throws InterruptedException;
    }

    /**
     * @param abandoned requests still unanswered well after the end (past their timeout): neither counted as answered
     *                  nor as errors by the endpoints, so they are reported on their own
     */
    public record Result(Measurements measurements, OrderTracker orders, List<TimelinePoint> timeline,
            double loadSeconds, double settleSeconds, int abandoned) {
    }
}

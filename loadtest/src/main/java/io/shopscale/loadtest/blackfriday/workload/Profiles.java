package io.shopscale.loadtest.blackfriday.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The built-in profiles. Rates are arrivals per second; each arrival is one shopper request. */
public final class Profiles {

    public static final String DEFAULT = "black-friday";

    /** Mostly checkouts at a steady rate: the load of {@code ./shopscale drill}. */
    public static final String DRILL = "drill";

    /** The regular mix in steps of rising rate, to find the highest one at which the objectives still hold. */
    public static final String CAPACITY = "capacity";

    private static final int CAPACITY_STEPS = 8;

    /** The flash-sale objectives of a shared CI machine: correctness is the point there, latency only loosely. */
    private static final Map<String, String> LOOSE_LATENCY = Map.of(
            "latency.search.p99", "2s", "latency.product.p99", "2s", "latency.stock.p99", "2s",
            "latency.cart.p99", "2s", "latency.cart-put.p99", "2s", "latency.checkout.p99", "2s",
            "latency.order.p99", "2s", "order-final.p99", "30s");

    private static final List<Profile> ALL = List.of(
            new Profile("steady", "the base rate throughout", 50, 100,
                    List.of(phase("steady", 180, 1, 1, false)), Duration.ofMinutes(2), Map.of()),
            new Profile("black-friday", "warm at the base rate, ramp to 10x, hold, then a flash sale on the hot SKUs",
                    30, 200,
                    List.of(phase("warm", 60, 1, 1, false), phase("ramp", 60, 1, 10, false),
                            phase("hold", 120, 10, 10, false), phase("flash-sale", 60, 10, 10, true)),
                    Duration.ofMinutes(2), Map.of()),
            new Profile("spike", "the base rate, a sudden jump to 10x, and back", 30, 100,
                    List.of(phase("before", 60, 1, 1, false), phase("spike", 30, 10, 10, false),
                            phase("after", 60, 1, 1, false)), Duration.ofMinutes(2), Map.of()),
            new Profile("ci", "short and modest, with one flash sale, for the test suite", 10, 10,
                    List.of(phase("warm", 8, 1, 1, false), phase("ramp", 6, 1, 3, false),
                            phase("flash-sale", 10, 3, 3, true)), Duration.ofSeconds(60), LOOSE_LATENCY),
            // A drill ends its load itself, a tail after the fault is healed; the duration here is only the longest
            // it may run. Its verdict is the invariants alone.
            new Profile(DRILL, "mostly checkouts at a steady rate, for fault drills (./shopscale drill)", 10, 20,
                    List.of(new Phase("drill", Duration.ofSeconds(60), 1, 1, false, Mix.CHECKOUT_HEAVY)),
                    Duration.ofMinutes(3), Map.of()),
            new Profile(CAPACITY, "the regular mix, warm for 20 s at 1x (not judged), then " + CAPACITY_STEPS
                    + " steps of 20 s at 1x to "
                    + CAPACITY_STEPS + "x the base rate; the capacity is the goodput of the highest step in which "
                    + "every latency objective held and at most 1% of requests failed (429s included), every lower "
                    + "step having held too", 40, 200, capacitySteps(), Duration.ofMinutes(2), Map.of()));

    private Profiles() {
    }

    public static Profile named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown profile '" + name + "'; choose one of " + String.join(", ", names())));
    }

    public static List<String> names() {
        return ALL.stream().map(Profile::name).toList();
    }

    /** A capacity profile's judged phases are named with this prefix; others (its warm-up) are not judged. */
    public static final String STEP_PREFIX = "step-";

    /** After a warm-up: a platform just started has classes to load and code to compile, which is not capacity. */
    private static List<Phase> capacitySteps() {
        return Stream.concat(Stream.of(phase("warm", 20, 1, 1, false)), IntStream.rangeClosed(1, CAPACITY_STEPS)
                .mapToObj(k -> phase(STEP_PREFIX + k, 20, k, k, false))).toList();
    }

    private static Phase phase(String name, int seconds, double from, double to, boolean flashSale) {
        return new Phase(name, Duration.ofSeconds(seconds), from, to, flashSale);
    }
}

package io.shopscale.loadtest.blackfriday.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArrivalsTests {

    /** 10/s for 10 s, a ramp from 10/s to 30/s over 10 s, then 30/s for 5 s: 100 + 200 + 150 arrivals expected. */
    private final RateCurve curve = new RateCurve(new Profile("test", "", 10, 1, List.of(
            new Phase("warm", Duration.ofSeconds(10), 1, 1, false),
            new Phase("ramp", Duration.ofSeconds(10), 1, 3, false),
            new Phase("hold", Duration.ofSeconds(5), 3, 3, true)), Duration.ZERO, Map.of()));

    @Test
    void theRateFollowsThePhasesIncludingTheRamp() {
        assertThat(curve.rateAt(5)).isEqualTo(10);
        assertThat(curve.rateAt(15)).isCloseTo(20, within(1e-9));
        assertThat(curve.rateAt(22)).isEqualTo(30);
        assertThat(curve.rateAt(25)).isZero();
        assertThat(curve.expected(10)).isCloseTo(100, within(1e-9));
        assertThat(curve.expected(20)).isCloseTo(300, within(1e-9));
        assertThat(curve.expected(99)).isCloseTo(450, within(1e-9));
        assertThat(curve.phaseAt(12).name()).isEqualTo("ramp");
    }

    @Test
    void fixedIntervalArrivalsGiveEveryPhaseItsExactShare() {
        List<Double> times = all(new Arrivals(curve, Arrivals.Process.UNIFORM, new SplittableRandom(1)));

        assertThat(times).hasSize(450).isSorted();
        assertThat(times.getFirst()).isZero();
        assertThat(times.get(1)).isCloseTo(0.1, within(1e-9));
        assertThat(count(times, 0, 10)).isEqualTo(100);
        assertThat(count(times, 10, 20)).isEqualTo(200);
        assertThat(count(times, 20, 25)).isEqualTo(150);
        // Within the ramp the rate climbs from 10/s to 30/s: 75 arrivals in its first half, 125 in its second.
        assertThat(count(times, 10, 15)).isEqualTo(75);
        assertThat(count(times, 15, 20)).isEqualTo(125);
    }

    @Test
    void poissonArrivalsMatchTheRatesAndDoNotWaitForAnswers() {
        Profile steady = new Profile("p", "", 200, 1, List.of(new Phase("a", Duration.ofSeconds(50), 1, 1, false),
                new Phase("b", Duration.ofSeconds(50), 10, 10, false)), Duration.ZERO, Map.of());
        List<Double> times = all(new Arrivals(new RateCurve(steady), Arrivals.Process.POISSON,
                new SplittableRandom(42)));

        // 10,000 and 100,000 expected; four standard deviations either way.
        assertThat(count(times, 0, 50)).isBetween(10_000 - 400L, 10_000 + 400L);
        assertThat(count(times, 50, 100)).isBetween(100_000 - 1_265L, 100_000 + 1_265L);
        assertThat(times).isSorted();
        // Exponential gaps: about as many shorter than the mean gap times ln 2 as longer.
        long shortGaps = 0;
        for (int i = 1; i < 10_000; i++) {
            shortGaps += times.get(i) - times.get(i - 1) < Math.log(2) / 200 ? 1 : 0;
        }
        assertThat(shortGaps).isBetween(4_600L, 5_400L);
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        List<Double> first = all(new Arrivals(curve, Arrivals.Process.POISSON, new SplittableRandom(7)));
        List<Double> second = all(new Arrivals(curve, Arrivals.Process.POISSON, new SplittableRandom(7)));
        List<Double> other = all(new Arrivals(curve, Arrivals.Process.POISSON, new SplittableRandom(8)));

        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void scalingADurationKeepsTheShapeOfTheDay() {
        Profile profile = Profiles.named("black-friday").withDuration(Duration.ofSeconds(30));

        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(profile.phases()).extracting(Phase::name).containsExactly("warm", "ramp", "hold", "flash-sale");
        assertThat(profile.phases().get(2).duration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(new RateCurve(profile.withBaseRate(5)).rateAt(20)).isEqualTo(50);
    }

    private static List<Double> all(Arrivals arrivals) {
        List<Double> times = new ArrayList<>();
        double at;
        while ((at = arrivals.next()) >= 0) {
            times.add(at);
        }
        return times;
    }

    private static long count(List<Double> times, double from, double to) {
        return times.stream().filter(t -> t >= from && t < to).count();
    }
}

package io.shopscale.loadtest.blackfriday.traffic;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.shopscale.loadtest.bench.Summary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementsTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** The run started 10 s ago: step-1 for its first 5 s, step-2 until 8 s, then settling. */
    private final long start = System.nanoTime() - 10 * SECOND;
    private final Measurements measurements = new Measurements(LoadObserver.NONE, start,
            seconds -> seconds < 5 ? "step-1" : seconds < 8 ? "step-2" : "settling");

    @Test
    void anAnswerBelongsToThePhaseItWasScheduledInNotTheOneItArrivedIn() {
        // Answered now (at 10 s), scheduled 7 s ago: step-1's, however late.
        measurements.record(Endpoint.CHECKOUT, "202", 7 * SECOND);
        // Scheduled 4 s ago (at 6 s): step-2's.
        measurements.record(Endpoint.CHECKOUT, "503", 4 * SECOND);
        measurements.record(Endpoint.SEARCH, "200", 4 * SECOND);
        // Scheduled just now: after the load.
        measurements.record(Endpoint.ORDER, "200", 1_000_000);

        Summary first = measurements.summary("step-1", Endpoint.CHECKOUT, 5);
        assertThat(first.counts()).containsExactlyEntriesOf(Map.of("202", 1L));
        assertThat(first.successMicros().getTotalCount()).isOne();
        assertThat(first.percentileMillis(99)).isBetween(6_900.0, 7_100.0);
        assertThat(measurements.summary("step-2", Endpoint.CHECKOUT, 3).counts()).containsOnlyKeys("503");
        assertThat(measurements.summary("step-2", Endpoint.SEARCH, 3).calls()).isOne();
        assertThat(measurements.summary("settling", Endpoint.ORDER, 1).calls()).isOne();
        assertThat(measurements.summary("step-1", Endpoint.ORDER, 5).calls()).isZero();
        // The whole run keeps every answer, whatever its phase.
        assertThat(measurements.summary(Endpoint.CHECKOUT, 10).calls()).isEqualTo(2);
    }

    @Test
    void arrivalsCountInThePhaseTheyFellDueInAndDropsInTheOneTheyWereDroppedIn() {
        measurements.offered(start + 2 * SECOND);
        measurements.offered(start + 6 * SECOND);
        measurements.offered(start + 7 * SECOND);
        measurements.dropped(Endpoint.PRODUCT);

        assertThat(measurements.offered("step-1")).isOne();
        assertThat(measurements.offered("step-2")).isEqualTo(2);
        assertThat(measurements.offered("step-3")).isZero();
        assertThat(measurements.summary("settling", Endpoint.PRODUCT, 1).dropped()).isOne();
    }

    @Test
    void withoutAClockOnlyTheWholeRunIsKept() {
        Measurements plain = new Measurements();
        plain.record(Endpoint.SEARCH, "200", 1_000_000);

        assertThat(plain.summary(Endpoint.SEARCH, 1).calls()).isOne();
        assertThat(plain.summary("step-1", Endpoint.SEARCH, 1).calls()).isZero();
    }
}

package io.shopscale.loadtest.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleTests {

    @Test
    void requestsFallDueAtFixedIntervalsFromTheStart() {
        Schedule schedule = Schedule.of(1_000, 4); // every 250 ms

        assertThat(schedule.due(0)).isEqualTo(1_000);
        assertThat(schedule.due(1)).isEqualTo(1_000 + 250_000_000L);
        assertThat(schedule.due(8)).isEqualTo(1_000 + 2_000_000_000L);
    }

    @Test
    void countsTheRequestsDueWithinAWindow() {
        Schedule schedule = Schedule.of(0, 100);

        assertThat(schedule.countWithin(1_000_000_000L)).isEqualTo(100);
        assertThat(schedule.countWithin(1_000_000_001L)).isEqualTo(101);
        assertThat(schedule.countWithin(0)).isZero();
        assertThat(Schedule.of(0, 3).countWithin(1_000_000_000L)).isEqualTo(3);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.of(0, 0));
    }
}

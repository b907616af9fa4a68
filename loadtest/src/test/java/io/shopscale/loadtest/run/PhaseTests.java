package io.shopscale.loadtest.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseTests {

    @Test
    void roundsAlternateDirectionSoEachTargetGetsEachSlotAlike() {
        List<Integer> order = Phase.interleaved(2, 4).stream().map(Phase::target).toList();

        assertThat(order).containsExactly(0, 1, 1, 0, 0, 1, 1, 0);
    }

    @Test
    void everyTargetIsMeasuredOncePerRound() {
        List<Phase> phases = Phase.interleaved(3, 2);

        assertThat(phases).containsExactly(new Phase(1, 0), new Phase(1, 1), new Phase(1, 2),
                new Phase(2, 2), new Phase(2, 1), new Phase(2, 0));
    }
}

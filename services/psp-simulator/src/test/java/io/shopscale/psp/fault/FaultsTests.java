package io.shopscale.psp.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultsTests {

    private static final FaultSettings SEEDED = new FaultSettings(Duration.ofMillis(100), Duration.ofMillis(50), 0.3,
            0.2, 0.1, Duration.ofSeconds(5), false, 42L);

    @Test
    void withASeedTheFateOfAKeyIsAlwaysTheSame() {
        // Deciding never touches the charge port.
        Faults one = new Faults(SEEDED, null);
        Faults other = new Faults(SEEDED, null);

        for (int i = 0; i < 200; i++) {
            String key = "key-" + i;
            assertThat(one.decide(key)).isEqualTo(other.decide(key)).isEqualTo(one.decide(key));
        }
    }

    @Test
    void outcomesComeInTheConfiguredProportions() {
        Faults faults = new Faults(SEEDED, null);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

        IntStream.range(0, 10_000).forEach(i -> counts.merge(faults.decide("key-" + i).outcome(), 1, Integer::sum));

        assertThat(counts.get(Outcome.DECLINED)).isBetween(2_800, 3_200);
        assertThat(counts.get(Outcome.FAILED)).isBetween(1_800, 2_200);
        assertThat(counts.get(Outcome.TIMED_OUT)).isBetween(850, 1_150);
        assertThat(counts.get(Outcome.SUCCEEDED)).isBetween(3_800, 4_200);
    }

    @Test
    void delaysStayWithinLatencyPlusJitterAndDeclinesCarryACode() {
        Faults faults = new Faults(SEEDED, null);

        for (int i = 0; i < 1_000; i++) {
            Decision decision = faults.decide("key-" + i);
            assertThat(decision.delay()).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
            assertThat(decision.hang()).isEqualTo(Duration.ofSeconds(5));
            if (decision.outcome() == Outcome.DECLINED) {
                assertThat(decision.declineCode()).isIn(Faults.DECLINE_CODES);
            } else {
                assertThat(decision.declineCode()).isNull();
            }
        }
    }

    @Test
    void rateExtremesAreExact() {
        FaultSettings allDeclined = new FaultSettings(Duration.ZERO, Duration.ZERO, 1, 0, 0, Duration.ZERO, false, 1L);

        for (int i = 0; i < 1_000; i++) {
            assertThat(new Faults(allDeclined, null).decide("k" + i).outcome()).isEqualTo(Outcome.DECLINED);
            assertThat(new Faults(FaultSettings.DEFAULTS, null).decide("k" + i).outcome())
                    .isEqualTo(Outcome.SUCCEEDED);
        }
    }

    @Test
    void drawsAreUnrelatedForNeighbouringKeysAndSeeds() {
        assertThat(Draws.unit(1, "outcome", "key-1")).isNotEqualTo(Draws.unit(1, "outcome", "key-2"))
                .isNotEqualTo(Draws.unit(2, "outcome", "key-1"))
                .isNotEqualTo(Draws.unit(1, "jitter", "key-1"))
                .isBetween(0.0, 1.0);
    }
}

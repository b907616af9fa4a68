package io.shopscale.psp.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSettingsTests {

    @Test
    void ratesMustBeProbabilitiesThatTogetherDoNotExceedOne() {
        assertInvalid("declineRate", () -> rates(-0.01, 0, 0));
        assertInvalid("errorRate", () -> rates(0, 1.01, 0));
        assertInvalid("timeoutRate", () -> rates(0, 0, Double.NaN));
        assertInvalid("declineRate", () -> rates(0.5, 0.5, 0.01));
        assertThat(rates(0.7, 0.2, 0.1).timeoutRate()).isEqualTo(0.1);
        assertThat(rates(1, 0, 0).declineRate()).isEqualTo(1);
    }

    @Test
    void durationsAreBetweenZeroAndAnHour() {
        assertInvalid("latency", () -> durations(Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO));
        assertInvalid("jitter", () -> durations(Duration.ZERO, null, Duration.ZERO));
        assertInvalid("hang", () -> durations(Duration.ZERO, Duration.ZERO, Duration.ofHours(1).plusMillis(1)));
        assertThat(durations(Duration.ZERO, Duration.ZERO, Duration.ofHours(1)).hang()).isEqualTo(Duration.ofHours(1));
    }

    private static FaultSettings rates(double decline, double error, double timeout) {
        return new FaultSettings(Duration.ZERO, Duration.ZERO, decline, error, timeout, Duration.ZERO, false, null);
    }

    private static FaultSettings durations(Duration latency, Duration jitter, Duration hang) {
        return new FaultSettings(latency, jitter, 0, 0, 0, hang, false, null);
    }

    private static void assertInvalid(String setting, Runnable creation) {
        assertThatThrownBy(creation::run).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.setting()).isEqualTo(setting));
    }
}

package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.Patience;
import io.shopscale.launcher.platform.InvalidSettingException;
import io.shopscale.launcher.platform.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartLimitsTests {

    @Test
    void asManyInstancesStartAtOnceAsThereAreProcessors() {
        StartLimits limits = StartLimits.of(settings(Map.of()), Duration.ofSeconds(60));

        assertThat(limits.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(limits.patience()).isEqualTo(new Patience(Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofMillis(500)));
        assertThat(limits.reportEvery()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theConcurrencyCanBeSetAndMustBeAtLeastOne() {
        assertThat(StartLimits.of(settings(Map.of("SHOPSCALE_START_CONCURRENCY", " 3 ")), Duration.ofSeconds(60))
                .concurrency()).isEqualTo(3);
        assertThatThrownBy(() -> StartLimits.of(settings(Map.of("SHOPSCALE_START_CONCURRENCY", "0")),
                Duration.ofSeconds(60))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SHOPSCALE_START_CONCURRENCY must be a whole number of at least 1, not '0'");
        assertThatThrownBy(() -> StartLimits.of(settings(Map.of("SHOPSCALE_START_CONCURRENCY", "all")),
                Duration.ofSeconds(60))).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aStallWindowLongerThanTheCapRaisesTheCap() {
        assertThat(Patience.stallingAfter(Duration.ofMinutes(20)).cap()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void theLoadIsTheFirstFieldOfProcLoadavg() {
        assertThat(SystemLoad.parse("7.23 5.01 3.00 3/295 10884\n")).contains(7.23);
        assertThat(SystemLoad.parse("")).isEmpty();
    }

    private static Settings settings(Map<String, String> environment) {
        var system = new Properties();
        system.setProperty("user.dir", System.getProperty("java.io.tmpdir"));
        system.setProperty("java.home", System.getProperty("java.home"));
        return Settings.resolve(environment, system, null);
    }
}

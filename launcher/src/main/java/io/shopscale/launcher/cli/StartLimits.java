package io.shopscale.launcher.cli;

import io.shopscale.launcher.health.Patience;
import io.shopscale.launcher.platform.InvalidSettingException;
import io.shopscale.launcher.platform.Settings;

import java.time.Duration;

/**
 * How hard a start may push the machine and how long it waits. JVMs starting together compete for the processors:
 * eight of them on two cores all start slower than they would one after the other, so at most {@code concurrency}
 * start at once.
 *
 * @param concurrency how many instances may be starting (not yet ready) at a time
 * @param reportEvery how often a line says who is still being waited for
 */
record StartLimits(int concurrency, Patience patience, Duration reportEvery) {

    static final String CONCURRENCY_VARIABLE = "SHOPSCALE_START_CONCURRENCY";

    static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    StartLimits {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** One start per processor unless {@code SHOPSCALE_START_CONCURRENCY} says otherwise. */
    static StartLimits of(Settings settings, Duration stallWindow) {
        int concurrency = settings.variable(CONCURRENCY_VARIABLE)
                .map(StartLimits::parseConcurrency)
                .orElseGet(() -> Math.max(1, Runtime.getRuntime().availableProcessors()));
        return new StartLimits(concurrency, Patience.stallingAfter(stallWindow), REPORT_EVERY);
    }

    private static int parseConcurrency(String value) {
        try {
            int concurrency = Integer.parseInt(value.trim());
            if (concurrency >= 1) {
                return concurrency;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below with the variable's name
        }
        throw new InvalidSettingException(CONCURRENCY_VARIABLE + " must be a whole number of at least 1, not '"
                + value + "'");
    }
}

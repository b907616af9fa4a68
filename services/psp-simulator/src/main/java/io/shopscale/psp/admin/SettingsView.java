package io.shopscale.psp.admin;

import io.shopscale.psp.fault.FaultSettings;
import java.time.Duration;

/** The failure knobs as the admin API shows them; durations as text such as "250ms" or "60s". */
record SettingsView(String latency, String jitter, double declineRate, double errorRate, double timeoutRate,
                    String hang, boolean outage, Long seed) {

    static SettingsView of(FaultSettings settings) {
        return new SettingsView(text(settings.latency()), text(settings.jitter()), settings.declineRate(),
                settings.errorRate(), settings.timeoutRate(), text(settings.hang()), settings.outage(),
                settings.seed());
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}

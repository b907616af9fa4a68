package io.shopscale.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The one-minute load average, which tells a user waiting for a start whether the machine is simply busy. */
final class SystemLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private SystemLoad() {
    }

    /** Empty where there is no /proc, as on macOS. */
    static Optional<Double> oneMinute() {
        try {
            return parse(Files.readString(LOADAVG));
        }
        catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static Optional<Double> parse(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        try {
            return Optional.of(Double.parseDouble(fields[0]));
        }
        catch (NumberFormatException notALoad) {
            return Optional.empty();
        }
    }
}

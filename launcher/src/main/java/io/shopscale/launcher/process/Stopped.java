package io.shopscale.launcher.process;

import java.time.Duration;

/**
 * @param killed whether the process ignored SIGTERM for the whole grace period and had to be killed
 */
public record Stopped(long pid, Duration took, boolean killed) {
}

package io.shopscale.launcher.process;

import java.time.Instant;

/** An instance this launcher started. */
public record Child(LaunchSpec spec, Process process, Instant startedAt) {

    public long pid() {
        return process.pid();
    }
}

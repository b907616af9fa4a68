package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.process.Supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** What the commands share: the launcher's environment and the process supervisor. */
record Context(Map<String, String> environment, Properties system, Supervisor supervisor, Duration stopGrace) {

    static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    Settings settings(Path options) {
        return Settings.resolve(environment, system, options);
    }
}

package io.shopscale.launcher.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Reads the {@link Work} a starting instance has done; tests hand in their own to script progress and stalls. */
@FunctionalInterface
public interface WorkMeter {

    Work read();

    /** The log's size and the processor time of the process with its descendants, such as a database it runs. */
    static WorkMeter of(ProcessHandle process, Path log) {
        return () -> new Work(size(log), cpu(process));
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        }
        catch (IOException notYetWritten) {
            return 0;
        }
    }

    private static Duration cpu(ProcessHandle process) {
        Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            return descendants.map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(total, Duration::plus);
        }
    }
}

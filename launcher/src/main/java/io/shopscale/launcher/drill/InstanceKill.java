package io.shopscale.launcher.drill;

import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.process.Liveness;
import io.shopscale.launcher.state.InstanceRecord;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One instance of a service killed with SIGKILL (no shutdown, no deregistration: a crash), then started again the
 * way {@code ./shopscale scale} starts instances, which records it in the run state; healed once it is ready.
 */
public final class InstanceKill implements Fault {

    private static final Duration GONE_WAIT = Duration.ofSeconds(15);

    private final InstanceRecord instance;

    private final String restartedAs;

    private final Restart restart;

    /**
     * @param restartedAs how the restart is done, in words, e.g. {@code ./shopscale scale orders=1}
     */
    public InstanceKill(InstanceRecord instance, String restartedAs, Restart restart) {
        this.instance = instance;
        this.restartedAs = restartedAs;
        this.restart = restart;
    }

    @Override
    public String name() {
        return "kill " + instance.component();
    }

    @Override
    public String what() {
        return "%s (pid %d, port %d) killed with SIGKILL, then started again as %s does".formatted(instance.name(),
                instance.pid(), instance.port(), restartedAs);
    }

    @Override
    public void inject() throws Exception {
        ProcessHandle process = Liveness.find(instance.pid(), instance.jar(), instance.startedAt())
                .orElseThrow(() -> new IllegalStateException(instance.name() + " (pid " + instance.pid()
                        + ") is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(GONE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new IOException(instance.name() + " (pid " + instance.pid() + ") outlived SIGKILL for "
                    + GONE_WAIT.toSeconds() + " s");
        }
        long deadline = System.nanoTime() + GONE_WAIT.toNanos();
        while (instance.ports().stream().anyMatch(Ports::inUse) && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
    }

    @Override
    public void heal() throws Exception {
        restart.run();
    }

    /** Starts the killed instance again and returns once it is ready; throws if it did not start. */
    @FunctionalInterface
    public interface Restart {

        void run() throws Exception;
    }
}

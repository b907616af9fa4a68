package io.shopscale.launcher.cli;

import io.shopscale.launcher.state.StateException;
import io.shopscale.launcher.state.StateStore;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Ctrl-C (SIGINT) or SIGTERM does to {@code up}: while starting, stop what was started; while running in the
 * foreground, stop everything in the state file, including instances that {@code scale} added.
 */
final class SignalGuard {

    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private enum Phase { STARTING, RUNNING, STOPPING, DONE }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);

    private final CountDownLatch stopped = new CountDownLatch(1);

    private final Startup startup;

    private final StateStore store;

    private final Shutdown shutdown;

    private final PrintWriter out;

    private final Thread hook = new Thread(this::onSignal, "shopscale-stop");

    private SignalGuard(Startup startup, StateStore store, Shutdown shutdown, PrintWriter out) {
        this.startup = startup;
        this.store = store;
        this.shutdown = shutdown;
        this.out = out;
    }

    static SignalGuard install(Startup startup, StateStore store, Shutdown shutdown, PrintWriter out) {
        var guard = new SignalGuard(startup, store, shutdown, out);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    void running() {
        phase.compareAndSet(Phase.STARTING, Phase.RUNNING);
    }

    boolean isRunning() {
        return phase.get() == Phase.RUNNING;
    }

    /** Leaves the platform to itself: {@code --detach}, a failed start, or a {@code down} from elsewhere. */
    boolean finishQuietly() {
        Phase was = phase.get();
        if ((was == Phase.STARTING || was == Phase.RUNNING) && phase.compareAndSet(was, Phase.DONE)) {
            uninstall();
            return true;
        }
        return false;
    }

    /** If a signal is already stopping everything, lets it finish and gives up the command. */
    void awaitIfStopping() {
        if (phase.get() == Phase.STOPPING) {
            awaitStopped();
            throw new Failure("interrupted", 130);
        }
    }

    void awaitStopped() {
        try {
            stopped.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException shuttingDown) {
            // the hook is already running or done
        }
    }

    private void onSignal() {
        Phase was = phase.getAndSet(Phase.STOPPING);
        try {
            if (was == Phase.STARTING) {
                println("Interrupted; stopping what was started...");
                shutdown.stopAll(startup.abort());
                store.delete();
            }
            else if (was == Phase.RUNNING) {
                println("Stopping ShopScale...");
                stopEverything();
                println("ShopScale stopped.");
            }
        }
        finally {
            stopped.countDown();
        }
    }

    private void stopEverything() {
        try (var lock = store.lock(LOCK_WAIT, () -> println("Waiting for another shopscale command to finish..."))) {
            store.read().ifPresent(state -> shutdown.stopAll(state.instances()));
            store.delete();
        }
        catch (StateException busy) {
            // Better to stop without the lock than to leave processes behind when the launcher goes away.
            store.read().ifPresent(state -> shutdown.stopAll(state.instances()));
            store.delete();
        }
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }
}

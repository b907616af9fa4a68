package io.shopscale.loadtest.blackfriday.traffic;

/**
 * Follows a run from outside: told when the load starts and of every answer, and asked whether the load should end
 * before the profile does. A fault drill uses it to line the load up with the fault it injects. Called from many
 * threads.
 */
public interface LoadObserver {

    /** Observes nothing and lets the profile run to its end. */
    LoadObserver NONE = new LoadObserver() {
    };

    /** The load's clock starts: arrivals fall due from {@code startNanos} ({@link System#nanoTime()}) on. */
    default void started(long startNanos) {
    }

    /** Seconds from the start after which no arrival is sent; infinite to run the whole profile. */
    default double endSeconds() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * A request of {@code endpoint} ended with {@code outcome} (a status code, "timeout", "io-error" or "dropped") at
     * {@code answeredNanos}.
     */
    default void answered(Endpoint endpoint, String outcome, long answeredNanos) {
    }
}

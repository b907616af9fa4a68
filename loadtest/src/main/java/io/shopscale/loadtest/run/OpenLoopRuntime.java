package io.shopscale.loadtest.run;

import java.util.function.Consumer;

import io.shopscale.loadtest.http.Outcome;
import io.shopscale.loadtest.http.Transport.PreparedRequest;

/**
 * Time, in-flight capacity and sending as seen by {@link OpenLoop}; kept behind an interface so the
 * schedule's accounting can be checked in simulated time.
 */
interface OpenLoopRuntime {

    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code deadline}. */
    void parkUntil(long deadline);

    /** Takes an in-flight slot, waiting for one until {@code deadline}; false if none came free in time. */
    boolean acquireSlot(long deadline);

    void releaseSlot();

    /** Waits until every slot is free again or {@code deadline} passes; false on the latter. */
    boolean awaitIdle(long deadline);

    /** Sends without blocking the caller; {@code onDone} runs when the exchange finishes. */
    void send(PreparedRequest request, Consumer<Outcome> onDone);
}

package io.shopscale.loadtest.run;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.shopscale.loadtest.http.Outcome;
import io.shopscale.loadtest.http.Transport.PreparedRequest;

/**
 * Discrete-event stand-in for the real runtime: a virtual clock and one server that answers requests in
 * order, each taking {@code serviceNanos}. Time only moves when the loop waits, so results are exact.
 */
final class SimulatedRuntime implements OpenLoopRuntime {

    private record Event(long at, long seq, Runnable action) {
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final long serviceNanos;
    private int freeSlots;
    private long now;
    private long seq;
    private long serverFreeAt;

    SimulatedRuntime(int maxInFlight, long serviceMicros) {
        this.freeSlots = maxInFlight;
        this.serviceNanos = TimeUnit.MICROSECONDS.toNanos(serviceMicros);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void parkUntil(long deadline) {
        runEventsBefore(deadline + 1);
        now = Math.max(now, deadline);
    }

    @Override
    public boolean acquireSlot(long deadline) {
        while (freeSlots == 0) {
            Event next = events.peek();
            if (next == null || next.at >= deadline) {
                now = Math.max(now, deadline);
                return false;
            }
            fire(events.poll());
        }
        freeSlots--;
        return true;
    }

    @Override
    public void releaseSlot() {
        freeSlots++;
    }

    @Override
    public boolean awaitIdle(long deadline) {
        runEventsBefore(deadline + 1);
        return events.isEmpty();
    }

    @Override
    public void send(PreparedRequest request, Consumer<Outcome> onDone) {
        serverFreeAt = Math.max(now, serverFreeAt) + serviceNanos;
        events.add(new Event(serverFreeAt, seq++, () -> onDone.accept(Outcome.response(200))));
    }

    private void runEventsBefore(long limit) {
        while (!events.isEmpty() && events.peek().at < limit) {
            fire(events.poll());
        }
    }

    private void fire(Event event) {
        now = Math.max(now, event.at);
        event.action.run();
    }
}

package io.shopscale.inventory.reservation;

import io.shopscale.inventory.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.springframework.dao.QueryTimeoutException;

/**
 * Group commit per SKU for single-line reservations. A call that finds its SKU idle runs at once, on its own thread,
 * as a batch of one: a SKU nobody else is buying waits for nothing. Calls that arrive while a batch of their SKU is
 * in flight queue; when it ends, the first of them runs the next batch (up to {@code maxBatch}, in arrival order)
 * for all of them, and the others wait for its answers. A hot SKU's row lock and commit are paid once per batch
 * instead of once per call, and no timer ever holds a call back.
 * <p>
 * A failed batch gives every call in it the exception it failed with, and the next batch runs all the same. No call
 * waits longer than {@code maxWait} for its answer: one still queued then leaves the queue and fails as a timeout;
 * one whose batch is already running fails as a timeout too, though that batch may still reserve for it (a retry
 * under the same order id finds out), as when a caller's deadline passes during a transaction.
 */
final class ReservationBatcher {

    private final Function<List<ReserveCommand>, List<ReserveOutcome>> runBatch;
    private final int maxBatch;
    private final Duration maxWait;
    private final IntConsumer batchSizes;
    private final ConcurrentMap<Sku, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param runBatch reserves a batch in one transaction and answers in its order (all one line of one SKU, each
     * order id once)
     * @param batchSizes told the size of every batch run
     */
    ReservationBatcher(Function<List<ReserveCommand>, List<ReserveOutcome>> runBatch, int maxBatch,
                       Duration maxWait, IntConsumer batchSizes) {
        this.runBatch = runBatch;
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.batchSizes = batchSizes;
    }

    /** How many calls wait for the next batch of this SKU (the one in flight not counted). */
    int waiting(Sku sku) {
        Lane lane = lanes.get(sku);
        return lane == null ? 0 : lane.waiting();
    }

    /** Reserves a single-line command in the next batch of its SKU. */
    ReserveOutcome reserve(ReserveCommand command) {
        if (command.lines().size() != 1) {
            throw new IllegalArgumentException("Only single-line reservations are batched.");
        }
        Waiter self = new Waiter(command);
        Lane lane;
        do {
            lane = lanes.computeIfAbsent(command.lines().getFirst().sku(), Lane::new);
        } while (!lane.join(self));
        Turn turn = await(lane, self);
        if (turn instanceof Turn.Lead lead) {
            turn = run(lane, lead.batch());
        }
        return switch (turn) {
            case Turn.Answer answer -> answer.outcome();
            case Turn.Failure failure -> throw rethrow(failure.error());
            case Turn.Lead ignored -> throw new IllegalStateException("A batch leads only once.");
        };
    }

    private Turn await(Lane lane, Waiter self) {
        try {
            return self.turn.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return giveUp(lane, self, new QueryTimeoutException("No answer within " + maxWait
                    + " for the reservation of order " + self.command.orderId() + "; try again."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return giveUp(lane, self, new QueryTimeoutException(
                    "Interrupted while waiting for the reservation of order " + self.command.orderId() + "."));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Turns are never completed exceptionally.", e);
        }
    }

    /**
     * Leaves the queue if still in it. A waiter already taken into a batch cannot leave: if the batch fell to it,
     * it runs it (the others in it depend on that); if it runs elsewhere, the caller stops waiting and gets the
     * timeout, and a retry under the same order id finds whatever that batch did.
     */
    private static Turn giveUp(Lane lane, Waiter self, RuntimeException timeout) {
        if (lane.withdraw(self)) {
            return new Turn.Failure(timeout);
        }
        Turn turn = self.turn.getNow(null);
        return turn != null ? turn : new Turn.Failure(timeout);
    }

    /** Runs the batch, hands the lane to the next one, then answers the others; returns the leader's own turn. */
    private Turn run(Lane lane, List<Waiter> batch) {
        List<Turn> turns;
        try {
            batchSizes.accept(batch.size());
            List<ReserveOutcome> outcomes = runBatch.apply(batch.stream().map(waiter -> waiter.command).toList());
            turns = outcomes.stream().<Turn>map(Turn.Answer::new).toList();
        } catch (RuntimeException | Error e) {
            Turn failure = new Turn.Failure(e);
            turns = batch.stream().map(waiter -> failure).toList();
        } finally {
            lane.next();
        }
        for (int i = 1; i < batch.size(); i++) {
            batch.get(i).turn.complete(turns.get(i));
        }
        return turns.getFirst();
    }

    private static RuntimeException rethrow(Throwable error) {
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return (RuntimeException) error;
    }

    /** The queue of one SKU: who waits, and whether a batch of it is in flight. */
    private final class Lane {

        private final Sku sku;
        private final ReentrantLock lock = new ReentrantLock();
        private final List<Waiter> pending = new ArrayList<>();
        private boolean busy;
        private boolean retired;

        Lane(Sku sku) {
            this.sku = sku;
        }

        /** Queues the waiter, leading at once if nothing is in flight; false if the lane retired meanwhile. */
        boolean join(Waiter waiter) {
            lock.lock();
            try {
                if (retired) {
                    return false;
                }
                pending.add(waiter);
                if (!busy) {
                    busy = true;
                    handOff();
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** After a batch: the next one goes to its first waiter; with nobody waiting the lane retires. */
        void next() {
            lock.lock();
            try {
                if (pending.isEmpty()) {
                    busy = false;
                    // Lanes of idle SKUs go, so the map stays as small as the set of SKUs in flight.
                    retired = true;
                    lanes.remove(sku, this);
                } else {
                    handOff();
                }
            } finally {
                lock.unlock();
            }
        }

        int waiting() {
            lock.lock();
            try {
                return pending.size();
            } finally {
                lock.unlock();
            }
        }

        boolean withdraw(Waiter waiter) {
            lock.lock();
            try {
                return pending.remove(waiter);
            } finally {
                lock.unlock();
            }
        }

        /**
         * Takes the next batch in arrival order and makes its first waiter the leader, under the lock, so a waiter
         * that gives up either is still queued or already knows it leads. A repeat of an order id already in the
         * batch stays queued for the next one, where it finds this batch's result, as it would alone.
         */
        private void handOff() {
            List<Waiter> batch = new ArrayList<>();
            Set<UUID> orderIds = new HashSet<>();
            for (Iterator<Waiter> waiters = pending.iterator(); waiters.hasNext() && batch.size() < maxBatch; ) {
                Waiter waiter = waiters.next();
                if (orderIds.add(waiter.command.orderId())) {
                    batch.add(waiter);
                    waiters.remove();
                }
            }
            batch.getFirst().turn.complete(new Turn.Lead(batch));
        }
    }

    /** One call; equal only to itself, so two calls with the same order id stay two waiters. */
    private static final class Waiter {

        final ReserveCommand command;
        final CompletableFuture<Turn> turn = new CompletableFuture<>();

        Waiter(ReserveCommand command) {
            this.command = command;
        }
    }

    /** What a waiter is woken with: a batch to run, or its answer. */
    private sealed interface Turn {

        record Lead(List<Waiter> batch) implements Turn {
        }

        record Answer(ReserveOutcome outcome) implements Turn {
        }

        record Failure(Throwable error) implements Turn {
        }
    }
}

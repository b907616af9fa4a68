package io.shopscale.inventory.reservation;

import io.shopscale.inventory.InventoryProperties;
import io.shopscale.inventory.Sku;
import io.shopscale.platform.checkout.CheckoutTimings;
import io.shopscale.inventory.reservation.ReserveCommand.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserve, release, confirm and expire, each one transaction at READ COMMITTED; concurrent single-line reservations
 * of one SKU may share one ({@link ReservationBatch}). No step writes a count it read without holding the row: every
 * move is a guarded update that PostgreSQL re-checks under the row lock, so concurrency costs waiting, never a wrong
 * count, a serialization failure or (with rows locked in SKU order) a deadlock. Release and confirm join a
 * surrounding transaction, so an event consumer can record the event in the same one.
 */
@Service
public class Reservations {

    private final ReservationRepository repository;
    private final Replays replays;
    private final ReservationMetrics metrics;
    private final InventoryProperties properties;
    private final CheckoutTimings timings;
    private final TransactionTemplate transactions;
    private final ReservationBatcher batcher;

    Reservations(ReservationRepository repository, Replays replays, ReservationBatch batch,
                 ReservationMetrics metrics, InventoryProperties properties, CheckoutTimings timings,
                 PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.replays = replays;
        this.metrics = metrics;
        this.properties = properties;
        this.timings = timings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transactions.setTimeout(10);
        var batching = properties.reservations();
        this.batcher = batching.coalesce()
                ? new ReservationBatcher(batch::reserve, batching.maxBatch(), batching.maxWait(), metrics::batch)
                : null;
    }

    /**
     * All lines or none, idempotent by order id. A single-line reservation (a flash sale's checkout: one unit of
     * one SKU) joins the next batch of its SKU when reservations coalesce, so a hot SKU's row lock and commit are
     * paid once per batch rather than once per buyer; every other one has a transaction of its own.
     */
    public ReserveOutcome reserve(ReserveCommand command) {
        ReserveOutcome outcome = batcher != null && command.lines().size() == 1
                ? batcher.reserve(command)
                : reserveAlone(command);
        metrics.reserve(outcome);
        return outcome;
    }

    /** How many single-line reservations of this SKU wait for its next batch; none when reservations do not coalesce. */
    int waitingFor(Sku sku) {
        return batcher == null ? 0 : batcher.waiting(sku);
    }

    /**
     * The reservation row is written first, so a concurrent call with the same order id waits for this one and then
     * answers from its result. A shortage rolls everything back, leaving no row behind: the same order id may try
     * again once stock returns.
     */
    private ReserveOutcome reserveAlone(ReserveCommand command) {
        return transactions.execute(status -> {
            var expiresAt = repository.claim(command.orderId(), timings.reservationTtl());
            if (expiresAt.isEmpty()) {
                return replays.answer(command);
            }
            List<Line> lines = command.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (!repository.take(lines.get(i))) {
                    status.setRollbackOnly();
                    return shortfall(lines.subList(i, lines.size()));
                }
            }
            repository.addLines(command.orderId(), lines);
            return new ReserveOutcome.Reserved(expiresAt.get(), false);
        });
    }

    /** Reserved stock goes back. Repeating it, or releasing an expired or unknown reservation, changes nothing. */
    public Transition release(UUID orderId) {
        Transition transition = transactions.execute(status -> {
            var state = repository.lock(orderId);
            if (state.isEmpty()) {
                return new Transition.Missing();
            }
            return switch (state.get()) {
                case RESERVED -> {
                    repository.giveBack(repository.lines(orderId));
                    repository.setState(orderId, ReservationState.RELEASED);
                    yield new Transition.Done(ReservationState.RELEASED, true);
                }
                case RELEASED, EXPIRED -> new Transition.Done(state.get(), false);
                case CONFIRMED -> new Transition.Refused(ReservationState.CONFIRMED);
            };
        });
        metrics.release(transition);
        return transition;
    }

    /**
     * Reserved stock becomes sold. A reservation past its expiry time that the expiry job has not reached yet is
     * still confirmed: its stock is still held, and the order was paid.
     */
    public Transition confirm(UUID orderId) {
        Transition transition = transactions.execute(status -> {
            var state = repository.lock(orderId);
            if (state.isEmpty()) {
                return new Transition.Missing();
            }
            return switch (state.get()) {
                case RESERVED -> {
                    repository.sell(repository.lines(orderId));
                    repository.setState(orderId, ReservationState.CONFIRMED);
                    yield new Transition.Done(ReservationState.CONFIRMED, true);
                }
                case CONFIRMED -> new Transition.Done(ReservationState.CONFIRMED, false);
                case RELEASED, EXPIRED -> new Transition.Refused(state.get());
            };
        });
        metrics.confirm(transition);
        return transition;
    }

    /** Expires one batch of due reservations and gives their stock back; returns how many it expired. */
    public int expireDue() {
        Integer expired = transactions.execute(status -> {
            var due = repository.expireDue(properties.expiryBatchSize());
            repository.giveBack(due.lines());
            return due.reservations();
        });
        metrics.expired(expired);
        return expired;
    }

    /**
     * Reports every short line: the one whose update failed, and any later one that lacks stock too (earlier
     * lines were met). Read inside the transaction, before it rolls back.
     */
    private ReserveOutcome shortfall(List<Line> unmet) {
        List<String> unknown = new ArrayList<>();
        List<ReserveOutcome.Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < unmet.size(); i++) {
            Line line = unmet.get(i);
            Sku sku = line.sku();
            OptionalInt available = repository.available(sku);
            if (available.isEmpty()) {
                unknown.add(sku.value());
            } else if (i == 0 || available.getAsInt() < line.quantity()) {
                shortages.add(new ReserveOutcome.Shortage(sku.value(), line.quantity(), available.getAsInt()));
            }
        }
        return unknown.isEmpty() ? new ReserveOutcome.Short(shortages) : new ReserveOutcome.UnknownSkus(unknown);
    }
}

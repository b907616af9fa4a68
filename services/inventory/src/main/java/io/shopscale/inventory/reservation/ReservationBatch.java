package io.shopscale.inventory.reservation;

import io.shopscale.inventory.Sku;
import io.shopscale.inventory.reservation.ReserveCommand.Line;
import io.shopscale.platform.checkout.CheckoutTimings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-line reservations of one SKU, many at once in one READ COMMITTED transaction, each answered as it would
 * have been alone. All order ids are claimed in one statement; those already claimed are answered from their
 * stored reservation. The rest take their units with one guarded update of the SKU's row when the stock covers them
 * all; otherwise the row is locked, and requests are granted whole in arrival order while units last (one that
 * does not fit is refused, a smaller one after it may still fit, as when each came alone in that order). The
 * refused give their claim back in the same transaction, so a shortage leaves no row behind.
 */
@Component
class ReservationBatch {

    private final ReservationRepository repository;
    private final Replays replays;
    private final CheckoutTimings timings;
    private final TransactionTemplate transactions;

    ReservationBatch(ReservationRepository repository, Replays replays, CheckoutTimings timings,
                     PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.replays = replays;
        this.timings = timings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transactions.setTimeout(10);
    }

    /**
     * The answers, in the order of the commands. Every command has exactly one line, all of the same SKU, and no
     * order id comes twice (a repeat waits for the next batch, where it finds this one's result).
     */
    List<ReserveOutcome> reserve(List<ReserveCommand> commands) {
        Sku sku = checkedSku(commands);
        return transactions.execute(status -> {
            Map<UUID, Instant> claimed = repository.claimAll(
                    commands.stream().map(ReserveCommand::orderId).toList(), timings.reservationTtl());
            ReserveOutcome[] outcomes = new ReserveOutcome[commands.size()];
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                if (claimed.containsKey(commands.get(i).orderId())) {
                    fresh.add(i);
                } else {
                    outcomes[i] = replays.answer(commands.get(i));
                }
            }
            if (!fresh.isEmpty()) {
                take(sku, commands, fresh, claimed, outcomes);
            }
            return List.of(outcomes);
        });
    }

    private void take(Sku sku, List<ReserveCommand> commands, List<Integer> fresh, Map<UUID, Instant> claimed,
                      ReserveOutcome[] outcomes) {
        List<Integer> granted = fresh;
        // The usual case, plenty of stock: one statement, no read.
        if (!repository.take(new Line(sku, units(commands, fresh)))) {
            OptionalInt available = repository.lockAvailable(sku);
            if (available.isEmpty()) {
                fresh.forEach(i -> outcomes[i] = new ReserveOutcome.UnknownSkus(List.of(sku.value())));
                repository.unclaim(orderIds(commands, fresh));
                return;
            }
            granted = new ArrayList<>();
            List<Integer> refused = new ArrayList<>();
            int left = available.getAsInt();
            for (int i : fresh) {
                int quantity = quantity(commands.get(i));
                if (quantity <= left) {
                    left -= quantity;
                    granted.add(i);
                } else {
                    outcomes[i] = new ReserveOutcome.Short(
                            List.of(new ReserveOutcome.Shortage(sku.value(), quantity, left)));
                    refused.add(i);
                }
            }
            // The row is locked and the grant fits what it holds, so the guard cannot fail here.
            if (!granted.isEmpty() && !repository.take(new Line(sku, units(commands, granted)))) {
                throw new IllegalStateException("The stock of " + sku + " moved while its row was locked.");
            }
            if (!refused.isEmpty()) {
                repository.unclaim(orderIds(commands, refused));
            }
        }
        if (granted.isEmpty()) {
            return;
        }
        repository.addLines(sku, orderIds(commands, granted),
                granted.stream().mapToInt(i -> quantity(commands.get(i))).toArray());
        for (int i : granted) {
            outcomes[i] = new ReserveOutcome.Reserved(claimed.get(commands.get(i).orderId()), false);
        }
    }

    private static Sku checkedSku(List<ReserveCommand> commands) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("A batch has at least one reservation.");
        }
        Sku sku = commands.getFirst().lines().getFirst().sku();
        var orderIds = new HashSet<UUID>();
        for (ReserveCommand command : commands) {
            if (command.lines().size() != 1 || !command.lines().getFirst().sku().equals(sku)
                    || !orderIds.add(command.orderId())) {
                throw new IllegalArgumentException("A batch holds one line each, of one SKU, once per order id.");
            }
        }
        return sku;
    }

    private static int quantity(ReserveCommand command) {
        return command.lines().getFirst().quantity();
    }

    private static int units(List<ReserveCommand> commands, List<Integer> indexes) {
        return indexes.stream().mapToInt(i -> quantity(commands.get(i))).sum();
    }

    private static List<UUID> orderIds(List<ReserveCommand> commands, List<Integer> indexes) {
        return indexes.stream().map(i -> commands.get(i).orderId()).toList();
    }
}

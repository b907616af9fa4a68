package io.shopscale.inventory.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventType;
import io.shopscale.inventory.reservation.Reservations;
import io.shopscale.inventory.reservation.Transition;
import io.shopscale.platform.events.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an order event exactly once: the inbox row and the reservation's change commit together, so a
 * redelivered event finds its id and does nothing. An event the reservation's state refuses is recorded, logged and
 * counted, not retried: retrying cannot change the answer. A refused confirmation is never only logged: the order
 * was paid for stock that is no longer held, so orders is told ({@code inventory.sale-refused}) and compensates.
 */
@Component
class OrderEventHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderEventHandler.class);

    private final Reservations reservations;
    private final SaleRefusals refusals;
    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;

    OrderEventHandler(Reservations reservations, SaleRefusals refusals, JdbcClient jdbc, MeterRegistry metrics,
                      PlatformTransactionManager transactionManager) {
        this.reservations = reservations;
        this.refusals = refusals;
        this.inbox = new Inbox(jdbc);
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    void handle(OrderEvent event) {
        String result = transactions.execute(status -> {
            if (!inbox.firstDelivery(event.id(), event.type())) {
                return "duplicate";
            }
            Transition transition = switch (event.type()) {
                case ORDER_CONFIRMED -> reservations.confirm(event.orderId());
                case ORDER_CANCELLED -> reservations.release(event.orderId());
                default -> throw new IllegalStateException(event.type().type() + " is not handled here");
            };
            String outcome = outcome(event, transition);
            if (event.type() == EventType.ORDER_CONFIRMED && !"applied".equals(outcome)) {
                // A paid order whose stock is not held: orders must cancel it and payment refund it.
                refusals.send(event.orderId(), transition instanceof Transition.Refused refused
                        ? refused.state().name() : "NONE");
            }
            return outcome;
        });
        metrics.counter("inventory.order.events", "type", event.type().type(), "result", result).increment();
    }

    private static String outcome(OrderEvent event, Transition transition) {
        return switch (transition) {
            case Transition.Done ignored -> "applied";
            case Transition.Missing ignored -> {
                if (event.type() == EventType.ORDER_CANCELLED) {
                    yield "applied";
                }
                log.warn("event {} ({}) names order {}, which has no reservation; orders is told the sale is refused",
                        event.id(), event.type().type(), event.orderId());
                yield "missing";
            }
            case Transition.Refused refused -> {
                log.warn("event {} ({}) cannot apply to order {}: its reservation is {}{}",
                        event.id(), event.type().type(), event.orderId(), refused.state(),
                        event.type() == EventType.ORDER_CONFIRMED ? "; orders is told the sale is refused" : "");
                yield "refused";
            }
        };
    }
}

package io.shopscale.orders.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.StatusChange;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happened to an order into its integration event. Publishing must happen inside the transaction that
 * changed the order: the event publication registry stores the event in that transaction (the outbox) and hands
 * it to Kafka only after the commit.
 */
@Component
public class OrderEventPublisher {

    static final String SOURCE = "/shopscale/orders";

    private final ApplicationEventPublisher events;

    OrderEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void placed(Order order) {
        var lines = order.lines().stream()
                .map(line -> new OrderEvents.Line(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
        publish(EventType.ORDER_PLACED, order, new OrderEvents.OrderPlaced(order.id().toString(), order.userId(),
                lines, order.total(), order.currency(), order.placedAt(), order.paymentDeadline()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelled(Order order, StatusChange change) {
        publish(EventType.ORDER_CANCELLED, order, new OrderEvents.OrderCancelled(order.id().toString(),
                order.userId(), change.reason().name(), change.at()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmed(Order order, StatusChange change) {
        publish(EventType.ORDER_CONFIRMED, order, new OrderEvents.OrderConfirmed(order.id().toString(),
                order.userId(), change.at()));
    }

    private void publish(EventType type, Order order, Object data) {
        events.publishEvent(EventEnvelope.of(type, SOURCE, order.id().toString(), data, timeOf(order)));
    }

    private static Instant timeOf(Order order) {
        return order.history().getLast().at();
    }
}

package io.shopscale.payment.events;

import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.payment.domain.PaymentTerms;
import io.shopscale.platform.events.IncomingEvent;
import io.shopscale.platform.events.PoisonEventException;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order event payment acts on. Reading it validates the envelope and, for the types payment handles, the data;
 * a record that fails is poison.
 */
sealed interface OrderEvent {

    /** The envelope's id: the inbox key. */
    String id();

    EventType type();

    /** An order to be paid. */
    record Placed(String id, PaymentTerms terms) implements OrderEvent {

        @Override
        public EventType type() {
            return EventType.ORDER_PLACED;
        }
    }

    /** An order that must not be charged any more. */
    record Cancelled(String id, UUID orderId, String reason) implements OrderEvent {

        @Override
        public EventType type() {
            return EventType.ORDER_CANCELLED;
        }
    }

    /** The event, or empty for a well-formed event of a type payment does not act on. */
    static Optional<OrderEvent> read(JsonMapper json, byte[] value) {
        IncomingEvent event = IncomingEvent.read(json, value);
        try {
            if (event.is(EventType.ORDER_PLACED)) {
                OrderEvents.OrderPlaced placed = event.data(OrderEvents.OrderPlaced.class);
                return Optional.of(new Placed(event.id(), new PaymentTerms(event.uuid(placed.orderId(), "order id"),
                        placed.userId(), placed.total(), placed.currency(), placed.paymentDeadline())));
            }
            if (event.is(EventType.ORDER_CANCELLED)) {
                OrderEvents.OrderCancelled cancelled = event.data(OrderEvents.OrderCancelled.class);
                return Optional.of(new Cancelled(event.id(), event.uuid(cancelled.orderId(), "order id"),
                        cancelled.reason()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("The data of " + event.type() + " event " + event.id()
                    + " is invalid: " + e.getMessage(), e);
        }
    }
}

package io.shopscale.inventory.events;

import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.platform.events.IncomingEvent;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order event inventory acts on: its id (the inbox key), type and order id. Reading it validates the envelope
 * and, for the types inventory handles, the data; a record that fails is poison.
 */
record OrderEvent(String id, EventType type, UUID orderId) {

    /** The event, or empty for a well-formed event of a type inventory does not act on. */
    static Optional<OrderEvent> read(JsonMapper json, byte[] value) {
        IncomingEvent event = IncomingEvent.read(json, value);
        String orderId;
        if (event.is(EventType.ORDER_CONFIRMED)) {
            orderId = event.data(OrderEvents.OrderConfirmed.class).orderId();
        } else if (event.is(EventType.ORDER_CANCELLED)) {
            orderId = event.data(OrderEvents.OrderCancelled.class).orderId();
        } else {
            return Optional.empty();
        }
        return Optional.of(new OrderEvent(event.id(), EventType.ofType(event.type()),
                event.uuid(orderId, "order id")));
    }
}

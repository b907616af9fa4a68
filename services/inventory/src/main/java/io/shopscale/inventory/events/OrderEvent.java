package io.shopscale.inventory.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order event inventory acts on: its id (the inbox key), type and order id. Reading it validates the envelope
 * and, for the types inventory handles, the data; a record that fails is poison.
 */
record OrderEvent(String id, EventType type, UUID orderId) {

    /** The event, or empty for a well-formed event of a type inventory does not act on. */
    static Optional<OrderEvent> read(JsonMapper json, byte[] value) {
        if (value == null) {
            throw new PoisonEventException("The record has no value.");
        }
        EventEnvelope<JsonNode> envelope;
        try {
            JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class);
            envelope = json.readValue(value, type);
        } catch (JacksonException e) {
            throw new PoisonEventException("The record is not an event envelope: " + e.getOriginalMessage(), e);
        }
        if (envelope.id().isBlank() || envelope.id().length() > 128) {
            throw new PoisonEventException("The event id must be 1 to 128 characters.");
        }
        String orderId;
        try {
            if (EventType.ORDER_CONFIRMED.type().equals(envelope.type())) {
                orderId = json.treeToValue(envelope.data(), OrderEvents.OrderConfirmed.class).orderId();
            } else if (EventType.ORDER_CANCELLED.type().equals(envelope.type())) {
                orderId = json.treeToValue(envelope.data(), OrderEvents.OrderCancelled.class).orderId();
            } else {
                return Optional.empty();
            }
        } catch (JacksonException e) {
            throw new PoisonEventException("The data of " + envelope.type() + " is malformed: "
                    + e.getOriginalMessage(), e);
        }
        try {
            return Optional.of(new OrderEvent(envelope.id(), EventType.ofType(envelope.type()),
                    UUID.fromString(orderId)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("The order id of event " + envelope.id() + " is not a UUID.", e);
        }
    }
}

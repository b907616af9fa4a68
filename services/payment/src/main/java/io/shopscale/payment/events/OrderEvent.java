package io.shopscale.payment.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.payment.domain.PaymentTerms;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
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
        if (value == null) {
            throw new PoisonEventException("The record has no value.");
        }
        EventEnvelope<JsonNode> envelope;
        try {
            JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class);
            envelope = json.readValue(value, type);
        } catch (JacksonException e) {
            throw new PoisonEventException("The record is not an event envelope: " + e.getOriginalMessage(), e);
        } catch (NullPointerException e) {
            throw new PoisonEventException("The event envelope lacks " + e.getMessage() + ".", e);
        }
        if (envelope.id().isBlank() || envelope.id().length() > 128) {
            throw new PoisonEventException("The event id must be 1 to 128 characters.");
        }
        try {
            if (EventType.ORDER_PLACED.type().equals(envelope.type())) {
                OrderEvents.OrderPlaced placed = json.treeToValue(envelope.data(), OrderEvents.OrderPlaced.class);
                return Optional.of(new Placed(envelope.id(), new PaymentTerms(orderId(placed.orderId()),
                        placed.userId(), placed.total(), placed.currency(), placed.paymentDeadline())));
            }
            if (EventType.ORDER_CANCELLED.type().equals(envelope.type())) {
                OrderEvents.OrderCancelled cancelled =
                        json.treeToValue(envelope.data(), OrderEvents.OrderCancelled.class);
                return Optional.of(new Cancelled(envelope.id(), orderId(cancelled.orderId()), cancelled.reason()));
            }
            return Optional.empty();
        } catch (JacksonException e) {
            throw new PoisonEventException("The data of " + envelope.type() + " is malformed: "
                    + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("The data of " + envelope.type() + " event " + envelope.id()
                    + " is invalid: " + e.getMessage(), e);
        }
    }

    private static UUID orderId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("the order id is not a UUID", e);
        }
    }
}

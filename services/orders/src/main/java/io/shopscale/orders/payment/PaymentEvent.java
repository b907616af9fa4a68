package io.shopscale.orders.payment;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.PaymentEvents;
import io.shopscale.contracts.events.PaymentEvents.FailureReason;
import io.shopscale.orders.order.OrderId;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment outcome orders acts on: the event id (the inbox key), the order it is about, and whether the order was
 * paid. Reading it validates the envelope and the data; a record that fails is poison.
 *
 * @param failure {@code null} when the payment succeeded
 */
record PaymentEvent(String id, EventType type, OrderId orderId, FailureReason failure) {

    boolean succeeded() {
        return failure == null;
    }

    /** The event, or empty for a well-formed event of a type orders does not act on. */
    static Optional<PaymentEvent> read(JsonMapper json, byte[] value) {
        if (value == null) {
            throw new PoisonEventException("The record has no value.");
        }
        EventEnvelope<JsonNode> envelope;
        try {
            JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class);
            envelope = json.readValue(value, type);
        } catch (JacksonException | NullPointerException e) {
            throw new PoisonEventException("The record is not an event envelope: " + e.getMessage(), e);
        }
        if (envelope.id().isBlank() || envelope.id().length() > 128) {
            throw new PoisonEventException("The event id must be 1 to 128 characters.");
        }
        String orderId;
        FailureReason failure = null;
        try {
            if (EventType.PAYMENT_SUCCEEDED.type().equals(envelope.type())) {
                orderId = json.treeToValue(envelope.data(), PaymentEvents.PaymentSucceeded.class).orderId();
            } else if (EventType.PAYMENT_FAILED.type().equals(envelope.type())) {
                PaymentEvents.PaymentFailed failed = json.treeToValue(envelope.data(), PaymentEvents.PaymentFailed.class);
                orderId = failed.orderId();
                failure = failed.reason();
                if (failure == null) {
                    throw new PoisonEventException("Event " + envelope.id() + " says the payment failed but not why.");
                }
            } else {
                return Optional.empty();
            }
        } catch (JacksonException e) {
            throw new PoisonEventException("The data of " + envelope.type() + " is malformed: "
                    + e.getOriginalMessage(), e);
        }
        try {
            return Optional.of(new PaymentEvent(envelope.id(), EventType.ofType(envelope.type()),
                    new OrderId(UUID.fromString(orderId)), failure));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("The order id of event " + envelope.id() + " is not a UUID.", e);
        }
    }
}

package io.shopscale.orders.payment;

import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.PaymentEvents;
import io.shopscale.contracts.events.PaymentEvents.FailureReason;
import io.shopscale.orders.order.OrderId;
import io.shopscale.platform.events.IncomingEvent;
import io.shopscale.platform.events.PoisonEventException;
import java.util.Optional;
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
        IncomingEvent event = IncomingEvent.read(json, value);
        String orderId;
        FailureReason failure = null;
        if (event.is(EventType.PAYMENT_SUCCEEDED)) {
            orderId = event.data(PaymentEvents.PaymentSucceeded.class).orderId();
        } else if (event.is(EventType.PAYMENT_FAILED)) {
            PaymentEvents.PaymentFailed failed = event.data(PaymentEvents.PaymentFailed.class);
            orderId = failed.orderId();
            failure = failed.reason();
            if (failure == null) {
                throw new PoisonEventException("Event " + event.id() + " says the payment failed but not why.");
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new PaymentEvent(event.id(), EventType.ofType(event.type()),
                new OrderId(event.uuid(orderId, "order id")), failure));
    }
}

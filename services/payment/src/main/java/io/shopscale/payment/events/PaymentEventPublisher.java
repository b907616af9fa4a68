package io.shopscale.payment.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.PaymentEvents;
import io.shopscale.payment.domain.OutcomePublisher;
import io.shopscale.payment.domain.Payment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns how a payment ended into its integration event. Publishing must happen inside the transaction that stored
 * the payment's state: the event publication registry stores the event in that transaction (the outbox) and hands
 * it to Kafka only after the commit.
 */
@Component
class PaymentEventPublisher implements OutcomePublisher {

    static final String SOURCE = "/shopscale/payment";

    private final ApplicationEventPublisher events;

    PaymentEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(Payment payment) {
        publish(EventType.PAYMENT_SUCCEEDED, payment, new PaymentEvents.PaymentSucceeded(orderId(payment),
                payment.id().toString(), payment.chargeId(), payment.terms().amount(), payment.terms().currency(),
                payment.updatedAt()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(Payment payment) {
        publish(EventType.PAYMENT_FAILED, payment, new PaymentEvents.PaymentFailed(orderId(payment),
                payment.id().toString(), PaymentEvents.FailureReason.valueOf(payment.failureReason().name()),
                payment.declineCode(), payment.updatedAt()));
    }

    private void publish(EventType type, Payment payment, Object data) {
        events.publishEvent(EventEnvelope.of(type, SOURCE, orderId(payment), data, payment.updatedAt()));
    }

    private static String orderId(Payment payment) {
        return payment.terms().orderId().toString();
    }
}

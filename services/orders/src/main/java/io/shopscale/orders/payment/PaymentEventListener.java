package io.shopscale.orders.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Payment events in: a paid order is confirmed, an unpaid one cancelled with the payment's reason. */
@Component
class PaymentEventListener {

    private final JsonMapper json;
    private final PaymentOutcomes outcomes;
    private final MeterRegistry metrics;

    PaymentEventListener(JsonMapper json, PaymentOutcomes outcomes, MeterRegistry metrics) {
        this.json = json;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    // The group id comes from spring.kafka.consumer.group-id ("orders"), not from the listener id.
    @KafkaListener(id = "orders-payment-events", idIsGroup = false, topics = Topics.PAYMENTS,
            containerFactory = "paymentEventContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        PaymentEvent.read(json, record.value()).ifPresentOrElse(outcomes::apply,
                () -> metrics.counter("orders.payment.events", "type", "other", "result", "ignored").increment());
    }
}

package io.shopscale.payment.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Order events in: a placed order is to be paid, a cancelled one must never be charged from then on. */
@Component
class OrderEventListener {

    private final JsonMapper json;
    private final OrderEventHandler handler;
    private final MeterRegistry metrics;

    OrderEventListener(JsonMapper json, OrderEventHandler handler, MeterRegistry metrics) {
        this.json = json;
        this.handler = handler;
        this.metrics = metrics;
    }

    // The group id comes from spring.kafka.consumer.group-id ("payment"), not from the listener id.
    @KafkaListener(id = "payment-order-events", idIsGroup = false, topics = Topics.ORDERS)
    void on(ConsumerRecord<String, byte[]> record) {
        OrderEvent.read(json, record.value()).ifPresentOrElse(handler::handle,
                () -> metrics.counter("payment.order.events", "type", "other", "result", "ignored").increment());
    }
}

package io.shopscale.inventory.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Order events in: a confirmed order turns its reservation into a sale, a cancelled one gives the stock back. */
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

    // The group id comes from spring.kafka.consumer.group-id ("inventory"), not from the listener id.
    @KafkaListener(id = "inventory-order-events", idIsGroup = false, topics = Topics.ORDERS)
    void on(ConsumerRecord<String, byte[]> record) {
        OrderEvent.read(json, record.value()).ifPresentOrElse(handler::handle,
                () -> metrics.counter("inventory.order.events", "type", "other", "result", "ignored").increment());
    }
}

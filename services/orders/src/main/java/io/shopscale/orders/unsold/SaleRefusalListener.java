package io.shopscale.orders.unsold;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Inventory's events in: a confirmed order whose stock could not be sold is compensated. */
@Component
class SaleRefusalListener {

    private final JsonMapper json;
    private final UnsoldOrders unsold;
    private final MeterRegistry metrics;

    SaleRefusalListener(JsonMapper json, UnsoldOrders unsold, MeterRegistry metrics) {
        this.json = json;
        this.unsold = unsold;
        this.metrics = metrics;
    }

    @KafkaListener(id = "orders-inventory-events", idIsGroup = false, topics = Topics.INVENTORY,
            containerFactory = "inventoryEventContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        SaleRefusal.read(json, record.value()).ifPresentOrElse(unsold::apply,
                () -> metrics.counter("orders.inventory.events", "type", "other", "result", "ignored").increment());
    }
}

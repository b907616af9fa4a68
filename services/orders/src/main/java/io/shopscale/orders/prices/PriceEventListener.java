package io.shopscale.orders.prices;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's price events in: each is stored in the read model if it is newer than what is there. No inbox is
 * needed: storing a version that is not newer changes nothing, so a repeated, resent or late event is harmless.
 */
@Component
class PriceEventListener {

    private final JsonMapper json;
    private final ProductPrices prices;
    private final MeterRegistry metrics;

    PriceEventListener(JsonMapper json, ProductPrices prices, MeterRegistry metrics) {
        this.json = json;
        this.prices = prices;
        this.metrics = metrics;
    }

    // The group is orders' one group (IncomingEvents.GROUP): the read model is shared by every instance, so each
    // event needs applying once, by whichever instance owns its partition.
    @KafkaListener(id = "orders-price-events", idIsGroup = false, topics = Topics.CATALOG_PRICES,
            containerFactory = "priceEventContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        PriceChange.read(json, record.value()).ifPresentOrElse(change -> {
            String result = prices.storeIfNewer(change.sku(), change.price()) ? "applied" : "stale";
            metrics.counter(PriceEventConsumption.METRICS, "type", EventType.CATALOG_PRICE_CHANGED.type(),
                    "result", result).increment();
        }, () -> metrics.counter(PriceEventConsumption.METRICS, "type", "other", "result", "ignored").increment());
    }
}

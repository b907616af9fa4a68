package io.shopscale.orders.prices;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.orders.events.IncomingEvents;
import io.shopscale.platform.events.TransientFailures;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The catalog's price events are consumed as orders consumes every incoming event ({@link IncomingEvents}), with the
 * same pauses as payment's verdicts. A new group reads the compacted topic from its start: every SKU's latest price.
 */
@Configuration(proxyBeanMethods = false)
class PriceEventConsumption {

    static final String METRICS = "orders.catalog.events";

    @Bean
    TransientFailures priceEventRetries(MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.initial-backoff:500ms}") Duration initialBackoff,
            @Value("${shopscale.orders.payment-events.max-backoff:10s}") Duration maxBackoff) {
        return new TransientFailures(metrics, METRICS, new TransientFailures.Backoff(initialBackoff, maxBackoff));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> priceEventContainerFactory(
            KafkaProperties kafka, MeterRegistry metrics, TransientFailures priceEventRetries) {
        return IncomingEvents.containerFactory(kafka, metrics, METRICS, priceEventRetries, 1);
    }

    /**
     * Declared here as in the catalog, compacted: a consumer subscribed to a topic that does not exist yet would
     * notice it only at its next metadata refresh, minutes later.
     */
    @Bean
    NewTopic catalogPricesTopic() {
        return TopicBuilder.name(Topics.CATALOG_PRICES).configs(Topics.CATALOG_PRICES_CONFIG).build();
    }
}

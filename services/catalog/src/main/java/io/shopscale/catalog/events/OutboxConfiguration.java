package io.shopscale.catalog.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.EnvelopeRouting;
import io.shopscale.platform.events.OutboxResubmission;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;

/**
 * The catalog's outbox: its price events go to the price topic keyed by SKU, so compaction keeps each product's latest
 * price ({@link EnvelopeRouting}).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EnvelopeRouting.everyEnvelopeTo(Topics.CATALOG_PRICES);
    }

    /**
     * Created compacted when the catalog starts, if missing (orders declares it the same way). A broker that
     * auto-created it first gets its configuration corrected ({@code spring.kafka.admin.modify-topic-configs}).
     */
    @Bean
    NewTopic catalogPricesTopic() {
        return TopicBuilder.name(Topics.CATALOG_PRICES).configs(Topics.CATALOG_PRICES_CONFIG).build();
    }

    /** Events that did not reach Kafka are sent again (shopscale.catalog.outbox.*); its lag is a gauge. */
    @Bean
    OutboxResubmission outboxResubmission(FailedEventPublications failed, JdbcClient jdbc, MeterRegistry meters,
                                          Environment environment) {
        return new OutboxResubmission(failed, jdbc, meters, OutboxResubmission.Settings.bind(environment,
                "shopscale.catalog.outbox", "catalog.outbox.oldest.age", "price event"));
    }
}

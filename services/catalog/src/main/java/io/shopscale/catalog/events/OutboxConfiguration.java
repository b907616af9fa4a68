package io.shopscale.catalog.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.OutboxResubmission;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which in-process events leave the catalog, and where to: every integration event envelope goes to the price
 * topic, keyed by its subject (the SKU), so the changes of one product stay in order on one partition and compaction
 * keeps the latest. Routing is configured here because the contract types carry no framework annotations.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(EventEnvelope.class)
                .route(EventEnvelope.class, envelope -> RoutingTarget.forTarget(Topics.CATALOG_PRICES)
                        .andKey(envelope.subject()))
                .build();
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

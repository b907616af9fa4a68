package io.shopscale.orders.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.EnvelopeRouting;
import io.shopscale.platform.events.OutboxResubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;

/** Orders' outbox: its events go to the orders topic keyed by order id ({@link EnvelopeRouting}). */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EnvelopeRouting.everyEnvelopeTo(Topics.ORDERS);
    }

    /** Events that did not reach Kafka are sent again (shopscale.orders.outbox.*); its lag is a gauge. */
    @Bean
    OutboxResubmission outboxResubmission(FailedEventPublications failed, JdbcClient jdbc, MeterRegistry meters,
                                          Environment environment) {
        return new OutboxResubmission(failed, jdbc, meters, OutboxResubmission.Settings.bind(environment,
                "shopscale.orders.outbox", "orders.outbox.oldest.age", "order event"));
    }
}

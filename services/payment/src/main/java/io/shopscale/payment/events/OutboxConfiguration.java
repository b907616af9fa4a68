package io.shopscale.payment.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.Topics;
import io.shopscale.platform.events.OutboxResubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which in-process events leave the service, and where to: every integration event envelope goes to the payments
 * topic, keyed by its subject (the order id), so all payment events of one order stay in order on one partition.
 * Routing is configured here because the contract types carry no framework annotations.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(EventEnvelope.class)
                .route(EventEnvelope.class, envelope -> RoutingTarget.forTarget(Topics.PAYMENTS)
                        .andKey(envelope.subject()))
                .build();
    }

    /** Events that did not reach Kafka are sent again (shopscale.payment.outbox.*); its lag is a gauge. */
    @Bean
    OutboxResubmission outboxResubmission(FailedEventPublications failed, JdbcClient jdbc, MeterRegistry meters,
                                          Environment environment) {
        return new OutboxResubmission(failed, jdbc, meters, OutboxResubmission.Settings.bind(environment,
                "shopscale.payment.outbox", "payment.outbox.oldest.age", "payment event"));
    }
}

package io.shopscale.payment.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
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
}

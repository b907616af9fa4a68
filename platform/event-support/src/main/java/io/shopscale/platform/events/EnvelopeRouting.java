package io.shopscale.platform.events;

import io.shopscale.contracts.events.EventEnvelope;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which of a service's in-process events leave it through its outbox, and where to: every integration event envelope
 * goes to the service's one topic, keyed by its subject (an order id, a SKU), so the events of one subject stay in
 * order on one partition. Routing is configured here because the contract types carry no framework annotations.
 */
public final class EnvelopeRouting {

    private EnvelopeRouting() {
    }

    public static EventExternalizationConfiguration everyEnvelopeTo(String topic) {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(EventEnvelope.class)
                .route(EventEnvelope.class, envelope -> RoutingTarget.forTarget(topic).andKey(envelope.subject()))
                .build();
    }
}

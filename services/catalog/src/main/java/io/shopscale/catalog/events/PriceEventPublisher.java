package io.shopscale.catalog.events;

import io.shopscale.contracts.events.CatalogEvents;
import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a price change into its integration event. Publishing must happen inside the transaction that changed the
 * price: the event publication registry stores the event in that transaction (the outbox) and hands it to Kafka only
 * after the commit.
 */
@Component
public class PriceEventPublisher {

    static final String SOURCE = "/shopscale/catalog";

    private final ApplicationEventPublisher events;

    PriceEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** @param changedAt when the change was stored, the event's time */
    @Transactional(propagation = Propagation.MANDATORY)
    public void priceChanged(CatalogEvents.PriceChanged change, Instant changedAt) {
        events.publishEvent(EventEnvelope.of(EventType.CATALOG_PRICE_CHANGED, SOURCE, change.sku(), change,
                changedAt));
    }
}

package io.shopscale.inventory.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.InventoryEvents.SaleRefused;
import io.shopscale.contracts.events.Topics;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells orders that a confirmed order's stock could not be sold. Sent while the consumer's transaction is still open
 * and waited for: if Kafka does not take it, the transaction rolls back and the {@code order.confirmed} that caused it
 * is retried, so the refusal is never lost; if the transaction fails after the send, the retry sends it again under
 * the same event id, which orders' inbox absorbs. That is why inventory needs no outbox for it.
 */
@Component
class SaleRefusals {

    static final String SOURCE = "/shopscale/inventory";

    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    // Inventory's producer writes string keys and raw bytes (application.yml): the envelope is serialised here.
    @SuppressWarnings("unchecked")
    SaleRefusals(KafkaTemplate<?, ?> kafka, JsonMapper json) {
        this.kafka = (KafkaTemplate<String, byte[]>) kafka;
        this.json = json;
    }

    void send(UUID orderId, String reservationState) {
        String order = orderId.toString();
        var refused = new SaleRefused(order, reservationState, Instant.now());
        var envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, SaleRefused.eventId(order),
                EventType.INVENTORY_SALE_REFUSED.type(), SOURCE, refused.refusedAt(), order, "application/json",
                EventType.INVENTORY_SALE_REFUSED.schema(), refused);
        try {
            kafka.send(Topics.INVENTORY, order, json.writeValueAsBytes(envelope))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while telling orders that order " + order + " cannot be sold", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not tell orders that order " + order + " cannot be sold", e);
        }
    }
}

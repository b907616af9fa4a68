package io.shopscale.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every integration event travels in on Kafka: CloudEvents 1.0's attributes in structured JSON mode.
 * {@code type} carries the version ({@code shopscale.order.placed.v1}); {@code id} is unique per event and is what
 * consumers deduplicate on; {@code subject} is the entity the event is about (the order id), also the Kafka key.
 *
 * @param <T> the event's data
 */
public record EventEnvelope<T>(String specversion, String id, String type, String source, Instant time,
        String subject, String datacontenttype, String dataschema, T data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id, stamped now. */
    public static <T> EventEnvelope<T> of(EventType type, String source, String subject, T data, Instant time) {
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID().toString(), type.type(), source, time, subject,
                "application/json", type.schema(), data);
    }
}

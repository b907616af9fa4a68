package io.shopscale.platform.events;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integration event as a record brings it: the envelope read and checked, the data still JSON. Each consumer maps
 * the data of the types it acts on with {@link #data} and ignores the rest. Whatever cannot be read is poison.
 */
public final class IncomingEvent {

    /** The longest event id accepted: the inbox keys on it. */
    public static final int MAX_ID_LENGTH = 128;

    private final JsonMapper json;
    private final EventEnvelope<JsonNode> envelope;

    private IncomingEvent(JsonMapper json, EventEnvelope<JsonNode> envelope) {
        this.json = json;
        this.envelope = envelope;
    }

    /**
     * Reads a record's value as an event envelope.
     *
     * @throws PoisonEventException if there is no value, it is not an envelope, or its id is empty or too long
     */
    public static IncomingEvent read(JsonMapper json, byte[] value) {
        if (value == null) {
            throw new PoisonEventException("The record has no value.");
        }
        EventEnvelope<JsonNode> envelope;
        try {
            JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class);
            envelope = json.readValue(value, type);
        } catch (JacksonException e) {
            throw new PoisonEventException("The record is not an event envelope: " + e.getOriginalMessage(), e);
        } catch (NullPointerException e) {
            throw new PoisonEventException("The event envelope lacks " + e.getMessage() + ".", e);
        }
        if (envelope == null) {
            throw new PoisonEventException("The record is not an event envelope: it is null.");
        }
        if (envelope.id().isBlank() || envelope.id().length() > MAX_ID_LENGTH) {
            throw new PoisonEventException("The event id must be 1 to " + MAX_ID_LENGTH + " characters.");
        }
        return new IncomingEvent(json, envelope);
    }

    public EventEnvelope<JsonNode> envelope() {
        return envelope;
    }

    /** The envelope's id: the inbox key. */
    public String id() {
        return envelope.id();
    }

    /** The envelope's type as sent, which may be one this service does not know. */
    public String type() {
        return envelope.type();
    }

    public boolean is(EventType type) {
        return type.type().equals(envelope.type());
    }

    /**
     * The event's data as the contract's type for it.
     *
     * @throws PoisonEventException if the data does not fit that type
     */
    public <T> T data(Class<T> dataType) {
        T data;
        try {
            data = json.treeToValue(envelope.data(), dataType);
        } catch (JacksonException e) {
            throw new PoisonEventException("The data of " + type() + " is malformed: " + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new PoisonEventException("The data of " + type() + " is missing.");
        }
        return data;
    }

    /**
     * A UUID the data carries as text, such as the order id.
     *
     * @param name what the value is, for the poison's message ("order id")
     * @throws PoisonEventException if the value is absent or not a UUID
     */
    public UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("The " + name + " of event " + id() + " is not a UUID.", e);
        }
    }
}

package io.shopscale.platform.events;

import io.shopscale.contracts.events.EventType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox: ids of events already applied, written in the transaction that applies them, so a redelivered event
 * finds its id and changes nothing. Each service keeps it in its own schema, in a table its migrations create:
 * {@code processed_event (event_id varchar(128) PRIMARY KEY, event_type varchar NOT NULL, processed_at timestamptz
 * NOT NULL DEFAULT now())}.
 */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; false if it was recorded before, i.e. this is a redelivery. */
    public boolean firstDelivery(String eventId, EventType type) {
        return jdbc.sql("""
                        INSERT INTO processed_event (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("id", eventId)
                .param("type", type.type())
                .update() == 1;
    }
}

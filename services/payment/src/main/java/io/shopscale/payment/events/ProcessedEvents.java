package io.shopscale.payment.events;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbox: ids of events already applied, written in the transaction that applies them. */
@Repository
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; false if it was recorded before, i.e. this is a redelivery. */
    boolean firstDelivery(OrderEvent event) {
        return jdbc.sql("""
                        INSERT INTO processed_event (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("id", event.id())
                .param("type", event.type().type())
                .update() == 1;
    }
}

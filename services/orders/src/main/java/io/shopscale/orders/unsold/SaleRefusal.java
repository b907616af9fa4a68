package io.shopscale.orders.unsold;

import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.InventoryEvents;
import io.shopscale.orders.order.OrderId;
import io.shopscale.platform.events.IncomingEvent;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inventory could not sell a confirmed order's stock. Reading it validates the envelope and the data; a record that
 * fails is poison.
 */
record SaleRefusal(String id, OrderId orderId, String reservationState) {

    /** The refusal, or empty for a well-formed event of a type orders does not act on. */
    static Optional<SaleRefusal> read(JsonMapper json, byte[] value) {
        IncomingEvent event = IncomingEvent.read(json, value);
        if (!event.is(EventType.INVENTORY_SALE_REFUSED)) {
            return Optional.empty();
        }
        InventoryEvents.SaleRefused refused = event.data(InventoryEvents.SaleRefused.class);
        return Optional.of(new SaleRefusal(event.id(), new OrderId(event.uuid(refused.orderId(), "order id")),
                refused.reservationState()));
    }
}

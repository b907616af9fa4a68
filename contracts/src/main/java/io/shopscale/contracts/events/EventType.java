package io.shopscale.contracts.events;

/** The integration events, their versioned CloudEvents {@code type} and the JSON Schema under {@code contracts/events/}. */
public enum EventType {

    ORDER_PLACED("shopscale.order.placed.v1"),
    ORDER_CONFIRMED("shopscale.order.confirmed.v1"),
    ORDER_CANCELLED("shopscale.order.cancelled.v1"),
    PAYMENT_SUCCEEDED("shopscale.payment.succeeded.v1"),
    PAYMENT_FAILED("shopscale.payment.failed.v1"),
    INVENTORY_SALE_REFUSED("shopscale.inventory.sale-refused.v1"),
    CATALOG_PRICE_CHANGED("shopscale.catalog.price-changed.v1");

    private final String type;

    EventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** Where the schema of this event's {@code data} lives, relative to the contracts folder. */
    public String schema() {
        return "events/" + type.substring("shopscale.".length()) + ".schema.json";
    }

    public static EventType ofType(String type) {
        for (EventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown event type " + type);
    }
}

package io.shopscale.orders.prices;

import io.shopscale.contracts.events.CatalogEvents;
import io.shopscale.contracts.events.EventType;
import io.shopscale.orders.checkout.Price;
import io.shopscale.platform.events.IncomingEvent;
import io.shopscale.platform.events.PoisonEventException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A price the catalog announced. Reading it validates the envelope and the data; a record that fails is poison,
 * since storing it would put a price checkout cannot charge into the read model.
 */
record PriceChange(String sku, VersionedPrice price) {

    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** The change, or empty for a well-formed event of a type orders does not act on. */
    static Optional<PriceChange> read(JsonMapper json, byte[] value) {
        IncomingEvent event = IncomingEvent.read(json, value);
        if (!event.is(EventType.CATALOG_PRICE_CHANGED)) {
            return Optional.empty();
        }
        CatalogEvents.PriceChanged changed = event.data(CatalogEvents.PriceChanged.class);
        if (changed.sku() == null || !SKU.matcher(changed.sku()).matches()) {
            throw poison(event, "names no valid SKU");
        }
        if (changed.amount() < 0) {
            throw poison(event, "has a negative amount");
        }
        if (changed.currency() == null || !CURRENCY.matcher(changed.currency()).matches()) {
            throw poison(event, "has no ISO 4217 currency");
        }
        if (changed.version() < 1) {
            throw poison(event, "has no price version");
        }
        return Optional.of(new PriceChange(changed.sku(),
                new VersionedPrice(new Price(changed.amount(), changed.currency()), changed.version())));
    }

    private static PoisonEventException poison(IncomingEvent event, String problem) {
        return new PoisonEventException("Price event " + event.id() + " " + problem + ".");
    }
}

package io.shopscale.orders.prices;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.orders.OrdersProperties;
import io.shopscale.orders.checkout.Price;
import io.shopscale.orders.checkout.PriceList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The prices checkout charges, from orders' own read model: one query, no call to the catalog. A SKU the model has
 * not seen yet (the seeded products were never announced by an event) is asked of the catalog once, and what it
 * answers is stored, so only never-seen SKUs depend on the catalog being up. Every such SKU counts as a miss
 * ({@code orders.prices.misses}).
 */
@Component
class PriceReadModel implements PriceList {

    private static final Logger log = LoggerFactory.getLogger(PriceReadModel.class);

    private final ProductPrices stored;
    private final CatalogPrices catalog;
    private final Counter misses;
    private final boolean enabled;

    PriceReadModel(ProductPrices stored, CatalogPrices catalog, MeterRegistry meters, OrdersProperties properties) {
        this.stored = stored;
        this.catalog = catalog;
        this.enabled = properties.prices().readModel();
        this.misses = Counter.builder("orders.prices.misses")
                .description("SKUs checkout found no price for in the read model, and asked the catalog for")
                .register(meters);
    }

    @Override
    public Map<String, Price> prices(List<String> skus) {
        if (!enabled) {
            Map<String, Price> asked = new HashMap<>();
            catalog.current(skus).forEach((sku, price) -> asked.put(sku, price.price()));
            return asked;
        }
        Map<String, Price> prices = new HashMap<>(stored.find(skus));
        List<String> missing = skus.stream().filter(sku -> !prices.containsKey(sku)).toList();
        if (missing.isEmpty()) {
            return prices;
        }
        misses.increment(missing.size());
        catalog.current(missing).forEach((sku, price) -> {
            prices.put(sku, price.price());
            remember(sku, price);
        });
        return prices;
    }

    // The price is known either way; failing to store it only means the catalog is asked again next time.
    private void remember(String sku, VersionedPrice price) {
        try {
            stored.storeIfNewer(sku, price);
        } catch (DataAccessException e) {
            log.warn("could not store the catalog's price of {} in the read model: {}", sku, e.getMessage());
        }
    }
}

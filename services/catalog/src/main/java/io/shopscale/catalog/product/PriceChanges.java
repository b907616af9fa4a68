package io.shopscale.catalog.product;

import io.shopscale.catalog.events.PriceEventPublisher;
import io.shopscale.contracts.events.CatalogEvents;
import io.shopscale.platform.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes prices: the new price, both versions and the price event commit together, so the event is published if
 * and only if the change is stored. Setting the price a product already has changes nothing and publishes nothing.
 * The cached product is evicted after the commit (not before, when a concurrent read could put the old price back).
 */
@Service
class PriceChanges {

    private final ProductRepository repository;
    private final ProductCache cache;
    private final PriceEventPublisher events;
    private final TransactionTemplate transactions;

    PriceChanges(ProductRepository repository, ProductCache cache, PriceEventPublisher events,
                 PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.cache = cache;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    Product change(String sku, Money price) {
        Product product = transactions.execute(status -> {
            Optional<Product> changed = repository.changePrice(sku, price);
            changed.ifPresent(this::publish);
            return changed.or(() -> repository.findBySku(sku))
                    .orElseThrow(() -> new NotFoundException("No product with SKU " + sku + "."));
        });
        // Also when nothing changed: repeating a change clears an entry an earlier eviction could not reach.
        cache.evict(product.id());
        return product;
    }

    private void publish(Product changed) {
        events.priceChanged(new CatalogEvents.PriceChanged(changed.sku(), changed.price().amount(),
                changed.price().currency(), changed.priceVersion()), changed.updatedAt());
    }
}

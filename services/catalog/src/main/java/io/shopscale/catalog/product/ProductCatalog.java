package io.shopscale.catalog.product;

import io.shopscale.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The catalog's read side: single products through the cache, listings and searches straight from PostgreSQL. */
@Service
class ProductCatalog {

    private final ProductRepository repository;
    private final ProductCache cache;

    ProductCatalog(ProductRepository repository, ProductCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    Product product(UUID id) {
        return cache.get(id).orElseGet(() -> {
            Product product = repository.findById(id)
                    .orElseThrow(() -> new NotFoundException("No product with id " + id + "."));
            cache.put(product);
            return product;
        });
    }

    ProductPage find(ProductQuery query) {
        return repository.find(query);
    }

    ProductPage bySku(SkuLookup lookup) {
        var products = repository.findBySkus(lookup.skus());
        return new ProductPage(products, 0, lookup.skus().size(), products.size());
    }
}

package io.shopscale.catalog.product;

import io.shopscale.catalog.CatalogProperties;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public product reads. Single products carry an ETag and may be cached by browsers and CDNs for a minute;
 * a matching {@code If-None-Match} gets a 304 without a body.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductCatalog catalog;
    private final CatalogProperties properties;
    private final CacheControl productCacheControl;

    ProductController(ProductCatalog catalog, CatalogProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
        this.productCacheControl = CacheControl.maxAge(properties.browserCacheMaxAge()).cachePublic();
    }

    @GetMapping
    ProductPage list(@RequestParam(required = false) String q,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) Integer page,
                     @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort) {
        return catalog.find(ProductQuery.of(q, category, page, size, sort,
                properties.defaultPageSize(), properties.maxPageSize()));
    }

    /**
     * The products with the given SKUs ({@code ?sku=A&sku=B}), for callers that price lines by SKU. Unknown SKUs are
     * simply absent. Read straight from PostgreSQL and not cacheable: prices here are authoritative.
     */
    @GetMapping("/by-sku")
    ProductPage bySku(@RequestParam(name = "sku", required = false) List<String> skus) {
        return catalog.bySku(SkuLookup.of(skus, properties.maxPageSize()));
    }

    // Spring answers 304 itself when If-None-Match matches the ETag of a GET's ResponseEntity.
    @GetMapping("/{id}")
    ResponseEntity<Product> product(@PathVariable UUID id) {
        Product product = catalog.product(id);
        return ResponseEntity.ok()
                .eTag(product.entityTag())
                .cacheControl(productCacheControl)
                .body(product);
    }
}

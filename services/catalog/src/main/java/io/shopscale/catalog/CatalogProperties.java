package io.shopscale.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long a product stays in the Redis cache before it is read from PostgreSQL again
 * @param maxPageSize the largest page a client may ask for
 * @param defaultPageSize the page size when the client names none
 * @param browserCacheMaxAge how long browsers and CDNs may reuse a product response without asking again
 */
@ConfigurationProperties("shopscale.catalog")
public record CatalogProperties(
        @DefaultValue("10m") Duration cacheTtl,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("60s") Duration browserCacheMaxAge) {
}

package io.shopscale.orders.catalog;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param uri where the catalog answers; the host is a service name resolved through discovery
 * @param connectTimeout how long connecting to one catalog instance may take
 * @param readTimeout how long the catalog may take to answer
 */
@ConfigurationProperties("shopscale.orders.catalog")
record CatalogClientProperties(
        @DefaultValue("http://catalog") URI uri,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("1s") Duration readTimeout) {
}

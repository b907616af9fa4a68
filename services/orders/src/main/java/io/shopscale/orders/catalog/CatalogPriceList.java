package io.shopscale.orders.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.shopscale.orders.checkout.CollaboratorUnavailableException;
import io.shopscale.orders.checkout.Price;
import io.shopscale.orders.prices.CatalogPrices;
import io.shopscale.orders.prices.VersionedPrice;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Prices from the catalog's batch lookup by SKU, through the load balancer ({@code http://catalog}), with short
 * timeouts and a circuit breaker, so a slow or failing catalog costs checkout at most a second and then nothing.
 * Checkout asks only for SKUs its price read model has not seen.
 */
@Component
class CatalogPriceList implements CatalogPrices {

    private static final Logger log = LoggerFactory.getLogger(CatalogPriceList.class);

    private static final int CONNECT_ATTEMPTS = 3;

    private final RestClient catalog;
    private final CircuitBreaker breaker;

    CatalogPriceList(LoadBalancerInterceptor loadBalancer,
                     CatalogClientProperties properties, CircuitBreakerRegistry breakers) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.connectTimeout());
        timeouts.setReadTimeout(properties.readTimeout());
        this.catalog = RestClient.builder()
                .baseUrl(properties.uri())
                .requestFactory(timeouts)
                .requestInterceptor(loadBalancer)
                .build();
        this.breaker = breakers.circuitBreaker("catalog", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("catalog circuit {}", event.getStateTransition()));
    }

    @Override
    public Map<String, VersionedPrice> current(List<String> skus) {
        CatalogPage page;
        try {
            page = breaker.executeSupplier(() -> lookup(skus));
        } catch (CallNotPermittedException e) {
            throw new CollaboratorUnavailableException("catalog", "catalog circuit open", e);
        } catch (RuntimeException e) {
            log.warn("catalog price lookup failed: {}", e.getMessage());
            throw new CollaboratorUnavailableException("catalog", "catalog lookup failed", e);
        }
        Map<String, VersionedPrice> prices = new HashMap<>();
        if (page != null && page.items() != null) {
            for (CatalogProduct product : page.items()) {
                if (product != null && product.sku() != null && product.price() != null) {
                    prices.put(product.sku(), new VersionedPrice(
                            new Price(product.price().amount(), product.price().currency()),
                            product.priceVersion() == null ? 0 : product.priceVersion()));
                }
            }
        }
        return prices;
    }

    /**
     * A read, so an instance that refuses the connection (stopped, not yet dropped from discovery) is simply
     * asked again: the load balancer hands out the next instance.
     */
    private CatalogPage lookup(List<String> skus) {
        for (int attempt = 1; ; attempt++) {
            try {
                return catalog.get()
                        .uri(uri -> uri.path("/api/products/by-sku").queryParam("sku", skus.toArray()).build())
                        .retrieve()
                        .body(CatalogPage.class);
            } catch (ResourceAccessException e) {
                if (attempt >= CONNECT_ATTEMPTS || !(e.getCause() instanceof ConnectException)) {
                    throw e;
                }
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogPage(List<CatalogProduct> items) {
    }

    /** @param priceVersion absent from a catalog that predates price versions */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogProduct(String sku, CatalogPrice price, Long priceVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogPrice(long amount, String currency) {
    }
}

package io.shopscale.orders.checkout;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.orders.OrdersProperties;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many checkouts run at once. Every checkout needs a database connection twice; on virtual threads nothing else
 * bounds them, so a rush on one SKU would queue hundreds of requests on the connection pool, whose short timeout
 * exists to detect an outage, and answer 503 for a database that is merely busy. Here they wait their turn in
 * order of arrival instead (a fair bulkhead sized below the pool, leaving connections for the event consumers and
 * jobs), and only a wait beyond {@code admission-wait} is refused, with 429 and {@code Retry-After}.
 */
@Component
class CheckoutAdmission {

    /** Connections left to the payment-event consumers, the expiry job, the outbox and health checks. */
    static final int CONNECTIONS_FOR_OTHERS = 4;

    private final Bulkhead bulkhead;

    CheckoutAdmission(OrdersProperties properties, MeterRegistry meters,
                      @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        int concurrency = properties.checkout().concurrency() > 0 ? properties.checkout().concurrency()
                : Math.max(1, poolSize - CONNECTIONS_FOR_OTHERS);
        this.bulkhead = Bulkhead.of("checkout", BulkheadConfig.custom()
                .maxConcurrentCalls(concurrency)
                .maxWaitDuration(properties.checkout().admissionWait())
                .fairCallHandlingStrategyEnabled(true)
                .build());
        Gauge.builder("orders.checkout.admission.available", bulkhead,
                        b -> b.getMetrics().getAvailableConcurrentCalls())
                .description("Checkouts that may start now without waiting")
                .register(meters);
    }

    <T> T admit(Supplier<T> checkout) {
        try {
            return bulkhead.executeSupplier(checkout);
        } catch (BulkheadFullException e) {
            throw new CheckoutBusyException();
        }
    }

    int concurrency() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
    }
}

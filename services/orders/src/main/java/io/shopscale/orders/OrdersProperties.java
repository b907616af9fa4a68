package io.shopscale.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expiryGrace how long past its deadline an unpaid order waits before it is cancelled as expired: the payment
 * service gives up at the deadline and reports why; the grace lets that verdict arrive first, so the order's cancel
 * reason says what happened and expiry only catches orders whose payment went silent (a charge that lands past the
 * deadline cancels the order all the same, and is refunded)
 * @param expiryInterval how often overdue orders are looked for
 * @param expiryBatch how many overdue orders one transaction cancels at most
 * @param maxPageSize the largest page of orders a client may ask for
 * @param defaultPageSize the page size when the client names none
 * @param checkout how many checkouts run at once, and how long one waits for its turn
 * @param prices where checkout's prices come from
 */
@ConfigurationProperties("shopscale.orders")
public record OrdersProperties(
        @DefaultValue("30s") Duration expiryGrace,
        @DefaultValue("5s") Duration expiryInterval,
        @DefaultValue("100") int expiryBatch,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue Checkout checkout,
        @DefaultValue Prices prices) {

    /**
     * @param concurrency checkouts running at once; 0 sizes it to the connection pool, less the connections the
     * consumers and jobs need
     * @param admissionWait how long a checkout waits for its turn before it is refused with 429; well below the
     * gateway's 10 s for the route, so the answer arrives
     */
    public record Checkout(@DefaultValue("0") int concurrency, @DefaultValue("5s") Duration admissionWait) {
    }

    /**
     * @param readModel true: from orders' own read model, the catalog asked only for SKUs it has not seen; false: from
     * the catalog on every checkout, as before the read model existed (kept to measure the one against the other)
     */
    public record Prices(@DefaultValue("true") boolean readModel) {
    }
}

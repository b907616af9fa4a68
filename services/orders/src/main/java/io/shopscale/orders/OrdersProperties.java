package io.shopscale.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long a placed order waits for payment before it is cancelled as expired; shorter than
 * inventory's reservation expiry, so an order never outlives its reserved stock
 * @param expiryGrace how long past its deadline an unpaid order waits before it is cancelled as expired: the payment
 * service gives up at the deadline and reports why, and a charge in flight at that moment still lands; the grace
 * lets those verdicts arrive first, so expiry only catches orders whose payment went silent
 * @param expiryInterval how often overdue orders are looked for
 * @param expiryBatch how many overdue orders one transaction cancels at most
 * @param maxPageSize the largest page of orders a client may ask for
 * @param defaultPageSize the page size when the client names none
 */
@ConfigurationProperties("shopscale.orders")
public record OrdersProperties(
        @DefaultValue("10m") Duration paymentTimeout,
        @DefaultValue("30s") Duration expiryGrace,
        @DefaultValue("5s") Duration expiryInterval,
        @DefaultValue("100") int expiryBatch,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("20") int defaultPageSize) {
}

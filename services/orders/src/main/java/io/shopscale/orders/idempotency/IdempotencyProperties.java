package io.shopscale.orders.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key and its answer are kept (and replayed)
 * @param lock how long a claim protects a request in flight; a process that dies mid-request leaves its claim
 * behind, and after this a retry may take it over
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("shopscale.orders.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("30s") Duration lock,
        @DefaultValue("15m") Duration cleanupInterval) {
}

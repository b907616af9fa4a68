package io.shopscale.cart;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idleTtl how long a cart lives after its last change; every change starts the clock again
 * @param maxLines the most distinct SKUs one cart may hold, so a cart (one Redis hash) stays small
 * @param retryAfter what a 503 tells clients to wait before trying again while Redis is unavailable
 */
@ConfigurationProperties("shopscale.cart")
public record CartProperties(
        @DefaultValue("30d") Duration idleTtl,
        @DefaultValue("100") int maxLines,
        @DefaultValue("1s") Duration retryAfter) {
}

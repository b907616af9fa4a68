package io.shopscale.stores;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A component that keeps keys in Redis: its ACL user, named after it, the keys it may touch (a glob over its key
 * prefix) and any command beyond what every service user may run.
 *
 * <p>The prefixes are the components' own: the gateway's rate limiter (Spring Cloud Gateway's RedisRateLimiter,
 * {@code request_rate_limiter.{id}.tokens} and {@code .timestamp}), identity's login throttle
 * ({@code identity:login-throttle:v2:}), the cart ({@code cart:}) and the catalog's product cache
 * ({@code catalog:product:v2:}). No prefix starts another, so no user reaches another's keys.
 */
public record RedisUser(String name, String keyPattern, List<String> extraCommands) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public static final List<RedisUser> SERVICES = List.of(
            new RedisUser("gateway", "request_rate_limiter.*", List.of()),
            new RedisUser("identity", "identity:*", List.of()),
            // Its readiness includes Redis, which Spring Boot checks with INFO.
            new RedisUser("cart", "cart:*", List.of("info")),
            new RedisUser("catalog", "catalog:*", List.of()));

    public RedisUser {
        if (!PLAIN_NAME.matcher(name).matches() || keyPattern.isBlank() || keyPattern.contains(" ")) {
            throw new IllegalArgumentException("not a usable Redis user: " + name + " " + keyPattern);
        }
        extraCommands = List.copyOf(extraCommands);
    }

    public static Optional<RedisUser> of(String component) {
        return SERVICES.stream().filter(user -> user.name().equals(component)).findFirst();
    }
}

package io.shopscale.platform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * How long a token that passed full verification may be remembered, keyed by its exact text: until it expires or
 * until the signing keys would be fetched again anyway ({@code maxAge}), whichever comes first, so a retired key
 * stops working just as soon as without the cache. Reads and updates do not extend an entry's life.
 */
public record VerifiedTokenLifetime(Duration maxAge, Clock clock) implements Expiry<String, Jwt> {

    /** A cache of verified tokens by their exact text, bounded in size, each entry living as this record says. */
    public static Cache<String, Jwt> newCache(int maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .expireAfter(new VerifiedTokenLifetime(maxAge, clock))
                .build();
    }

    @Override
    public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration untilExpiry = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
        Duration life = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        return Math.max(0, life.toNanos());
    }

    @Override
    public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
        return currentDuration;
    }

    @Override
    public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
        return currentDuration;
    }
}

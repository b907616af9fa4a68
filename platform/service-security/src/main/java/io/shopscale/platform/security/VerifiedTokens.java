package io.shopscale.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.shopscale.platform.tokens.VerifiedTokenLifetime;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens that passed full verification, keyed by their exact text, so a client sending the same token
 * with every request pays for parsing and the RS256 check once: in a profile of checkout under load, decoding
 * took about a tenth of the orders service's CPU. Rejected tokens are never kept. How long an entry lives:
 * {@link VerifiedTokenLifetime}.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;

    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.verified = VerifiedTokenLifetime.newCache(maxEntries, maxAge, clock, ticker);
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}

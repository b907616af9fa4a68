package io.shopscale.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the access tokens identity issues.
 *
 * @param issuer the required {@code iss}
 * @param audience a value {@code aud} must contain
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}
 * @param maxLifetime the longest {@code exp - iat} accepted
 * @param jwkSetUri where identity publishes its public keys; the host is a service name resolved by discovery
 * @param jwksTimeout how long one fetch of the keys may take
 * @param keysMaxAge how long fetched keys are used before they are fetched again, and the longest a verified token
 * is remembered: a retired key stops working within this time
 * @param verifiedTokens how many verified tokens are remembered at most (about a kilobyte each)
 * @param publicEndpoints requests anyone may make, as {@code "METHOD /path/pattern"} (health, info and
 * Prometheus are always public); a token sent to these is ignored
 */
@ConfigurationProperties("shopscale.security")
public record ServiceSecurityProperties(
        @DefaultValue("shopscale-identity") String issuer,
        @DefaultValue("shopscale-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("15m") Duration maxLifetime,
        @DefaultValue("http://identity/.well-known/jwks.json") URI jwkSetUri,
        @DefaultValue("2s") Duration jwksTimeout,
        @DefaultValue("5m") Duration keysMaxAge,
        @DefaultValue("5000") int verifiedTokens,
        @DefaultValue List<String> publicEndpoints) {
}

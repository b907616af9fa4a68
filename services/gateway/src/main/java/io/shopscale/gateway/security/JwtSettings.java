package io.shopscale.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks the access tokens the identity service issues (RS256 JWTs, keys published as a JWKS).
 *
 * @param issuer the required {@code iss}
 * @param audience a value the {@code aud} claim must contain
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat} between the issuer's clock and ours
 * @param maxLifetime the longest {@code exp - iat} accepted; identity issues 15-minute tokens
 * @param jwkSetUri where the public keys are; the host is a service name resolved through discovery
 * @param jwksMaxAge how long fetched keys are used before they are fetched again (so a retired key stops working)
 * @param jwksRefreshMinInterval the shortest time between two fetches caused by tokens naming an unknown key, so
 * that tokens with made-up key ids cannot turn the gateway into a flood of requests to the identity service
 * @param jwksFetchTimeout how long one fetch of the keys may take
 */
@ConfigurationProperties("shopscale.gateway.jwt")
record JwtSettings(String issuer, String audience, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("15m") Duration maxLifetime, URI jwkSetUri, @DefaultValue("5m") Duration jwksMaxAge,
		@DefaultValue("10s") Duration jwksRefreshMinInterval, @DefaultValue("2s") Duration jwksFetchTimeout) {

	JwtSettings {
		if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank() || jwkSetUri == null) {
			throw new IllegalArgumentException(
					"shopscale.gateway.jwt.issuer, .audience and .jwk-set-uri must be set");
		}
	}

}

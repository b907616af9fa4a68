package io.shopscale.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claims a token must carry once its signature checks out: issuer, audience, a subject, and a time window
 * ({@code exp} required, {@code nbf} honoured, {@code iat} not in the future and at most {@code maxLifetime}
 * before {@code exp}), all with the same clock skew.
 */
final class TokenRules {

	private TokenRules() {
	}

	static OAuth2TokenValidator<Jwt> of(JwtSettings settings) {
		JwtTimestampValidator window = new JwtTimestampValidator(settings.clockSkew());
		window.setAllowEmptyExpiryClaim(false);
		return new DelegatingOAuth2TokenValidator<>(List.of(window, new JwtIssuerValidator(settings.issuer()),
				new JwtAudienceValidator(settings.audience()),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
				lifetime(settings.clockSkew(), settings.maxLifetime())));
	}

	private static OAuth2TokenValidator<Jwt> lifetime(Duration clockSkew, Duration maxLifetime) {
		return token -> {
			Instant issuedAt = token.getIssuedAt();
			Instant expiresAt = token.getExpiresAt();
			if (issuedAt == null || expiresAt == null) {
				return invalid("iat and exp are required");
			}
			if (issuedAt.isAfter(Instant.now().plus(clockSkew))) {
				return invalid("iat is in the future");
			}
			if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
				return invalid("the token lives longer than " + maxLifetime);
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult invalid(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}

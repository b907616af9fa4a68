package io.shopscale.registry.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks the user name and password a client sent with HTTP Basic. Both are compared as SHA-256 digests in constant
 * time, and both are always compared: neither the time taken nor the lengths say which part of a guess was wrong or
 * how much of it was right. A plain comparison rather than a password hash: the secret is 256 random bits, not a
 * person's password, and every heartbeat of every instance is checked.
 */
final class RegistryCredentials implements AuthenticationProvider {

	static final String CLIENT_ROLE = "REGISTRY_CLIENT";

	private final byte[] username;

	private final byte @Nullable [] password;

	/** @param password null when the registry runs without one: then no credentials are right */
	RegistryCredentials(String username, @Nullable String password) {
		this.username = digest(username);
		this.password = password == null ? null : digest(password.strip());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		boolean nameMatches = MessageDigest.isEqual(this.username, digest(name == null ? "" : name));
		boolean passwordMatches = this.password != null
				&& MessageDigest.isEqual(this.password, digest(credentials == null ? "" : credentials.toString()));
		if (!(nameMatches & passwordMatches)) {
			throw new BadCredentialsException("wrong registry credentials");
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + CLIENT_ROLE)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}

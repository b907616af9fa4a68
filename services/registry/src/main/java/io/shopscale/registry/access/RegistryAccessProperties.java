package io.shopscale.registry.access;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the registry: one user name and password, sent with HTTP Basic by every client (the services, the
 * gateway, the launcher) and by a person opening the dashboard.
 *
 * @param username the user name clients send
 * @param password the password clients send; the launcher generates one per platform
 * ({@code SHOPSCALE_REGISTRY_PASSWORD})
 * @param requirePassword false lets the registry start without a password and then answers anyone: for tests on a
 * machine of one's own
 */
@ConfigurationProperties("shopscale.registry")
public record RegistryAccessProperties(@DefaultValue("shopscale") String username, @Nullable String password,
		@DefaultValue("true") boolean requirePassword) {

	/** Long enough that guessing is hopeless; the launcher's passwords have 43 characters. */
	public static final int MIN_PASSWORD_LENGTH = 32;

	public RegistryAccessProperties {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("shopscale.registry.username must not be blank");
		}
		if (requirePassword && (password == null || password.strip().length() < MIN_PASSWORD_LENGTH)) {
			throw new IllegalArgumentException("shopscale.registry.password (SHOPSCALE_REGISTRY_PASSWORD) must be set, "
					+ "at least " + MIN_PASSWORD_LENGTH + " characters: whoever can register an instance can stand "
					+ "in for any service, identity's signing keys included. ./shopscale up generates one into "
					+ "<state>/secrets/registry-password; to run without one, set "
					+ "shopscale.registry.require-password=false (tests only).");
		}
	}

	/** Whether clients must authenticate: always, once a password is set. */
	public boolean passwordSet() {
		return password != null && !password.isBlank();
	}

}

package io.shopscale.platform.registry;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP Basic credentials this process sends to the registry with every Eureka call. Set from the environment
 * like any property: {@code SHOPSCALE_REGISTRY_USERNAME} and {@code SHOPSCALE_REGISTRY_PASSWORD}, which
 * {@code ./shopscale up} generates once per platform.
 *
 * @param username the registry's user name
 * @param password the registry's password; without one, calls go out without credentials (and a registry that
 * requires them answers 401)
 */
@ConfigurationProperties("shopscale.registry")
public record RegistryClientProperties(@DefaultValue("shopscale") String username, @Nullable String password) {

	boolean passwordSet() {
		return password != null && !password.isBlank();
	}

}

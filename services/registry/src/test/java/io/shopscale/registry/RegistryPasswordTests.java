package io.shopscale.registry;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A registry without a password would let anyone register; it does not start, unless a test says it should. */
class RegistryPasswordTests {

	@Test
	void withoutAPasswordTheRegistryDoesNotStart() {
		assertThatThrownBy(() -> start("--shopscale.registry.password=")).rootCause()
			.hasMessageContaining("SHOPSCALE_REGISTRY_PASSWORD")
			.hasMessageContaining("<state>/secrets/registry-password");
	}

	@Test
	void aShortPasswordIsRefusedToo() {
		assertThatThrownBy(() -> start("--shopscale.registry.password=short")).rootCause()
			.hasMessageContaining("at least 32 characters");
	}

	@Test
	void testsMaySayThatNoPasswordIsNeededAndThenAnyoneMayRegister() throws Exception {
		try (ConfigurableApplicationContext registry = start("--shopscale.registry.password=",
				"--shopscale.registry.require-password=false")) {
			int port = registry.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);

			assertThat(TestRegistryClient.anonymous(port).register("CATALOG", "catalog-open-1", 30).statusCode())
				.isEqualTo(204);
			// A client that sends credentials anyway is not turned away.
			assertThat(TestRegistryClient.withCredentials(port).get("/eureka/apps").body())
				.contains("catalog-open-1");
		}
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] all = new String[arguments.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		return new SpringApplicationBuilder(RegistryApplication.class).run(all);
	}

}

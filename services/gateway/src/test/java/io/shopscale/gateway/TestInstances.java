package io.shopscale.gateway;

import java.net.URI;
import java.util.function.Supplier;

import io.shopscale.testsupport.SharedStores;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Where a test gateway finds its backends and Redis, without a registry: static instances per service. */
final class TestInstances {

	private TestInstances() {
	}

	/**
	 * Registers the instances of one service, in order, as discovery would report them; the n-th is known as
	 * {@code <service>-<n>} (the registry's instance id).
	 */
	@SafeVarargs
	static void route(DynamicPropertyRegistry registry, String service, Supplier<URI>... instances) {
		for (int i = 0; i < instances.length; i++) {
			Supplier<URI> instance = instances[i];
			String prefix = "spring.cloud.discovery.client.simple.instances." + service + "[" + i + "].";
			registry.add(prefix + "uri", () -> instance.get().toString());
			String id = instanceId(service, i + 1);
			registry.add(prefix + "instance-id", () -> id);
		}
	}

	static String instanceId(String service, int n) {
		return service + "-" + n;
	}

	/** The real Redis the test JVM shares, for the rate limiter's buckets, as the gateway's own Redis user. */
	static void sharedRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> SharedStores.get().redis().urlFor("gateway"));
	}

}

package io.shopscale.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Where instance names should not leave the platform, the gateway names none, and passes no backend's claim on. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shopscale.gateway.served-by-header=false" })
class ServedByHeaderOffTests {

	static final TestBackend catalog = TestBackend.start("catalog-1");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void catalogInstances(DynamicPropertyRegistry registry) {
		TestInstances.route(registry, "catalog", catalog::uri);
		TestInstances.sharedRedis(registry);
	}

	@AfterAll
	static void stopBackend() {
		catalog.close();
	}

	@Test
	void noInstanceIsNamed() {
		GatewayClient.to(this.port)
			.get()
			.uri("/api/products?q=tea")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Backend", "catalog-1")
			.expectHeader().doesNotExist("X-Served-By");
	}

}

package io.shopscale.gateway;

import io.shopscale.testsupport.TestIdentity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Two catalog instances, one of them dead: reads fail over, writes are never replayed. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class GatewayFailoverTests {

	static final TestBackend healthy = TestBackend.start("catalog-healthy");

	static final TestIdentity identity = TestIdentity.start();

	@LocalServerPort
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void catalogInstances(DynamicPropertyRegistry registry) {
		TestInstances.route(registry, "catalog", TestBackend::deadUri, healthy::uri);
		TestInstances.route(registry, "identity", identity::uri);
		TestInstances.sharedRedis(registry);
	}

	@AfterAll
	static void stopBackend() {
		healthy.close();
		identity.close();
	}

	@BeforeEach
	void connect() {
		this.client = GatewayClient.to(this.port);
	}

	@Test
	void everyReadReachesTheHealthyInstance() {
		for (int i = 0; i < 10; i++) {
			this.client.get()
				.uri("/api/products?page=" + i)
				.exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals("X-Backend", "catalog-healthy")
				// The second instance, whichever the first try went to: the header names the one that answered.
				.expectHeader().valueEquals("X-Served-By", TestInstances.instanceId("catalog", 2));
		}
		this.client.head().uri("/api/products").exchange().expectStatus().isOk();
	}

	@Test
	void aWriteThatCannotConnectIsNotReplayedElsewhere() {
		// Round robin alternates, so two consecutive writes meet both instances once.
		List<Integer> statuses = new ArrayList<>();
		String token = identity.token("admin-1", "USER", "ADMIN");
		for (int i = 0; i < 2; i++) {
			statuses.add(this.client.post()
				.uri("/api/products/echo")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}

		assertThat(statuses).containsExactlyInAnyOrder(200, 502);
	}

}

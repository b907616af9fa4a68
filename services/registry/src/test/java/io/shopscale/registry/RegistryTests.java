package io.shopscale.registry;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "shopscale.registry.password=" + TestRegistryClient.PASSWORD)
class RegistryTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private TestRegistryClient registry;

	@BeforeEach
	void connect() {
		this.registry = TestRegistryClient.withCredentials(this.port);
	}

	@Test
	void registeredInstanceIsVisibleWithinSeconds() throws Exception {
		int status = this.registry.register("CATALOG", "catalog-visible-1", 30).statusCode();

		assertThat(status).isEqualTo(204);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(this.registry.get("/eureka/apps/CATALOG").body()).contains("catalog-visible-1"));
		assertThat(this.registry.get("/eureka/apps").body()).contains("catalog-visible-1");
	}

	@Test
	void instanceThatStopsRenewingIsEvicted() throws Exception {
		this.registry.register("CATALOG", "catalog-vanishing-1", 1);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry.get("/eureka/apps").body()).contains("catalog-vanishing-1"));

		// No heartbeats follow: with self-preservation off and a 5 s eviction timer it must go.
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(
					() -> assertThat(this.registry.get("/eureka/apps").body()).doesNotContain("catalog-vanishing-1"));
	}

	@Test
	void exposesProbesAndMetricsWithoutCredentialsOnTheManagementPortAlone() throws Exception {
		TestRegistryClient launcher = TestRegistryClient.anonymous(this.managementPort);
		assertThat(TestRegistryClient.anonymous(this.port).get("/actuator/health/liveness").statusCode())
			.as("no actuator on the registry's own port").isIn(401, 404);

		assertThat(launcher.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(launcher.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = launcher.get("/actuator/prometheus", "text/plain");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
	}

}

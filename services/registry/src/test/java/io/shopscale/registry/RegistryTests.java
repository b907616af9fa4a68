package io.shopscale.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	int port;

	@Test
	void registeredInstanceIsVisibleWithinSeconds() throws Exception {
		int status = register("catalog-visible-1", 30);

		assertThat(status).isEqualTo(204);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(get("/eureka/apps/CATALOG").body()).contains("catalog-visible-1"));
		assertThat(get("/eureka/apps").body()).contains("catalog-visible-1");
	}

	@Test
	void instanceThatStopsRenewingIsEvicted() throws Exception {
		register("catalog-vanishing-1", 1);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(get("/eureka/apps").body()).contains("catalog-vanishing-1"));

		// No heartbeats follow: with self-preservation off and a 5 s eviction timer it must go.
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(get("/eureka/apps").body()).doesNotContain("catalog-vanishing-1"));
	}

	@Test
	void exposesProbesAndMetrics() throws Exception {
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = get("/actuator/prometheus", "text/plain");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
	}

	private int register(String instanceId, int leaseSeconds) throws Exception {
		String body = """
				{"instance": {
				  "instanceId": "%s",
				  "hostName": "127.0.0.1",
				  "app": "CATALOG",
				  "vipAddress": "catalog",
				  "ipAddr": "127.0.0.1",
				  "status": "UP",
				  "port": {"$": 9001, "@enabled": "true"},
				  "securePort": {"$": 443, "@enabled": "false"},
				  "leaseInfo": {"renewalIntervalInSecs": 1, "durationInSecs": %d},
				  "dataCenterInfo": {
				    "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
				    "name": "MyOwn"
				  }
				}}
				""".formatted(instanceId, leaseSeconds);
		HttpRequest request = HttpRequest.newBuilder(uri("/eureka/apps/CATALOG"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, BodyHandlers.discarding()).statusCode();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, "application/json");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build();
		return this.http.send(request, BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}

package io.shopscale.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The registry knows no catalog instance at all. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class GatewayNoInstanceTests {

	@LocalServerPort
	int port;

	@Test
	void answers503Problem() {
		WebTestClient client = GatewayClient.to(this.port);
		// The first request of a fresh JVM loads classes on both sides; time a warm one.
		client.get().uri("/api/products").exchange().expectStatus().isEqualTo(503);
		long start = System.nanoTime();

		client
			.get()
			.uri("/api/products/7")
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("Cache-Control", "no-store")
			.expectBody()
			.jsonPath("$.type").isEqualTo("about:blank")
			.jsonPath("$.title").isEqualTo("Service Unavailable")
			.jsonPath("$.status").isEqualTo(503)
			.jsonPath("$.detail").isEqualTo("No instance of the upstream service is available.")
			.jsonPath("$.instance").isEqualTo("/api/products/7")
			.jsonPath("$.requestId").exists();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
	}

	@Test
	void theGatewaysLogLineForAFailedRequestCarriesItsId(CapturedOutput output) {
		GatewayClient.to(this.port)
			.get()
			.uri("/api/products")
			.header("X-Request-Id", "no-instance-1")
			.exchange()
			.expectStatus().isEqualTo(503);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"\\{[^\\n]*\"requestId\":\"no-instance-1\"[^\\n]*answered 503|"
							+ "\\{[^\\n]*answered 503[^\\n]*\"requestId\":\"no-instance-1\""));
	}

}

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The only catalog instance has died: its port refuses connections. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class GatewayUnreachableBackendTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void catalogInstances(DynamicPropertyRegistry registry) {
		TestInstances.route(registry, "catalog", TestBackend::deadUri);
		TestInstances.sharedRedis(registry);
	}

	@Test
	void answers502ProblemFastAndLogsItWithTheRequestId(CapturedOutput output) {
		WebTestClient client = GatewayClient.to(this.port);
		// The first request of a fresh JVM loads classes on both sides; time a warm one.
		client.get().uri("/api/products").exchange().expectStatus().isEqualTo(502);
		long start = System.nanoTime();

		EntityExchangeResult<byte[]> result = client
			.get()
			.uri("/api/products")
			.header("X-Request-Id", "dead-backend-1")
			.exchange()
			.expectStatus().isEqualTo(502)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("X-Request-Id", "dead-backend-1")
			.expectBody()
			.jsonPath("$.title").isEqualTo("Bad Gateway")
			.jsonPath("$.status").isEqualTo(502)
			.jsonPath("$.requestId").isEqualTo("dead-backend-1")
			.returnResult();

		// Three refused connections (first try and two retries): far less than the 1 s connect timeout.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		assertThat(new String(result.getResponseBodyContent())).doesNotContain("127.0.0.1").doesNotContain("Exception");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"\\{[^\\n]*\"requestId\":\"dead-backend-1\"[^\\n]*GET /api/products answered 502|"
							+ "\\{[^\\n]*GET /api/products answered 502[^\\n]*\"requestId\":\"dead-backend-1\""));
	}

}

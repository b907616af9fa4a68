package io.shopscale.gateway;

import io.shopscale.testsupport.TestIdentity;

import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The registry knows no instance of any service at all: no catalog, no identity. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class GatewayNoInstanceTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void stores(DynamicPropertyRegistry registry) {
		TestInstances.sharedRedis(registry);
	}

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
	void aTokenThatCannotBeCheckedForWantOfKeysIsA503Problem() {
		RSAKey key = TestIdentity.newKey();
		String token = TestIdentity.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject("user-1").build(), key);

		EntityExchangeResult<byte[]> result = GatewayClient.to(this.port)
			.get()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Service Unavailable")
			.jsonPath("$.detail").isEqualTo("The identity service's signing keys are not available; try again shortly.")
			.jsonPath("$.instance").isEqualTo("/api/orders")
			.returnResult();

		assertThat(new String(result.getResponseBodyContent())).doesNotContain("Exception");
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

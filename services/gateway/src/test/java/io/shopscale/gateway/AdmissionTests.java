package io.shopscale.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.shopscale.gateway.edge.HttpResponses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge's admission control with its limit pinned at two requests in flight, so that two slow product pages fill
 * it: another product page is answered 429 at once, while each other class of request still has its share of the
 * limit, and a slot comes back when its request ends. Refusals happen on the connection, before an exchange is built,
 * so they are also checked on a raw socket: answers in request order for a client that pipelines, and a refused
 * request's body dropped without losing the connection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shopscale.admission.initial-limit=2",
				"shopscale.admission.min-limit=2", "shopscale.admission.max-limit=2" })
class AdmissionTests {

	static final TestBackend catalog = TestBackend.start("catalog-1");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

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
	void pastTheLimitAClassOverItsShareIsRefusedAtOnceWhileTheOthersKeepTheirs() {
		WebTestClient client = GatewayClient.to(this.port);
		ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
		List<CompletableFuture<Integer>> slow = IntStream.range(0, 2)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> client.get()
				.uri("/api/products/slow")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value(), callers))
			.toList();
		await().until(() -> catalog.hits("/api/products/slow") == 2);

		long start = System.nanoTime();
		client.get()
			.uri("/api/products/42")
			.exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("Retry-After", "1")
			.expectHeader().exists("X-Content-Type-Options")
			.expectBody()
			.jsonPath("$.status").isEqualTo(429)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("busier than it can serve"))
			.jsonPath("$.requestId").exists();
		assertThat(System.nanoTime() - start).as("a refusal is answered at once").isLessThan(1_000_000_000L);
		assertThat(catalog.hits("/api/products/42")).isZero();

		// Search and checkout keep their own shares (401 for checkout here: no token); probes, on the management
		// port, never meet the limit at all.
		client.get().uri("/api/products?q=lamp").exchange().expectStatus().isOk();
		client.post().uri("/api/orders").exchange().expectStatus().isUnauthorized();
		GatewayClient.to(this.managementPort).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

		assertThat(slow).allSatisfy(status -> assertThat(status.join()).isEqualTo(200));
		client.get().uri("/api/products/42").exchange().expectStatus().isOk();
		callers.close();
	}


	@Test
	void aPipelinedRefusalWaitsForTheAnswerAheadOfItAndTheConnectionGoesOn() throws Exception {
		WebTestClient client = GatewayClient.to(this.port);
		int slowBefore = catalog.hits("/api/products/slow");
		CompletableFuture<Integer> occupying = CompletableFuture.supplyAsync(() -> client.get()
			.uri("/api/products/slow")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value());
		await().until(() -> catalog.hits("/api/products/slow") == slowBefore + 1);

		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			// One write: a request that takes the last slot and answers late, one past the limit with a body,
			// and a search, which has a share of its own. The refusal must not overtake the late answer.
			socket.getOutputStream().write(("GET /api/products/slow HTTP/1.1\r\nHost: shop\r\n\r\n"
					+ "POST /api/products/45 HTTP/1.1\r\nHost: shop\r\nContent-Length: 5\r\n\r\nhello"
					+ "GET /api/products?q=lamp HTTP/1.1\r\nHost: shop\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				statuses.add(HttpResponses.skipOne(in));
			}
			assertThat(statuses).containsExactly(200, 429, 200);
			assertThat(catalog.hits("/api/products/45")).isZero();

			// The same connection is read on: the slots are back, so the next product page is served.
			socket.getOutputStream()
				.write("GET /api/products/42 HTTP/1.1\r\nHost: shop\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(nextStatusAfter(occupying, in)).isEqualTo(200);
		}
	}

	private static int nextStatusAfter(CompletableFuture<Integer> occupying, InputStream in) throws IOException {
		assertThat(occupying.join()).isEqualTo(200);
		return HttpResponses.skipOne(in);
	}

}

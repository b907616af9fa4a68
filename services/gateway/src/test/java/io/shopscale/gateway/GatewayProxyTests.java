package io.shopscale.gateway;

import io.shopscale.testsupport.TestIdentity;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of one healthy catalog instance. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "SHOPSCALE_CATALOG_RESPONSE_TIMEOUT_MS=500" })
class GatewayProxyTests {

	static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	static final TestBackend catalog = TestBackend.start("catalog-1");

	static final TestIdentity identity = TestIdentity.start();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	WebTestClient client;

	@DynamicPropertySource
	static void catalogInstances(DynamicPropertyRegistry registry) {
		TestInstances.route(registry, "catalog", catalog::uri);
		TestInstances.route(registry, "identity", identity::uri);
		TestInstances.sharedRedis(registry);
	}

	@AfterAll
	static void stopBackend() {
		catalog.close();
		identity.close();
	}

	@BeforeEach
	void connect() {
		this.client = GatewayClient.to(this.port);
	}

	@Test
	void proxiesToTheCatalog() {
		this.client.get()
			.uri("/api/products?q=tea&page=0")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Backend", "catalog-1")
			.expectHeader().valueEquals("X-Served-By", TestInstances.instanceId("catalog", 1))
			.expectBody().jsonPath("$.query").isEqualTo("q=tea&page=0");
	}

	@Test
	void addsARequestIdWhenAbsentAndForwardsIt() {
		EntityExchangeResult<String> result = echo(null);

		String id = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(id).matches(UUID_PATTERN);
		assertThat(result.getResponseHeaders().get("X-Request-Id")).hasSize(1);
		assertThat(result.getResponseBody()).contains("x-request-id: " + id + "\n");
	}

	@Test
	void keepsAValidIncomingRequestId() {
		EntityExchangeResult<String> result = echo("client-42.retry_A");

		assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly("client-42.retry_A");
		assertThat(result.getResponseBody()).contains("x-request-id: client-42.retry_A\n");
	}

	@Test
	void replacesAnInvalidIncomingRequestId() {
		for (String invalid : new String[] { "has spaces", "semi;colon", "x".repeat(129) }) {
			EntityExchangeResult<String> result = echo(invalid);

			String id = result.getResponseHeaders().getFirst("X-Request-Id");
			assertThat(id).matches(UUID_PATTERN);
			assertThat(result.getResponseBody()).contains("x-request-id: " + id + "\n").doesNotContain(invalid);
		}
	}

	@Test
	void tellsTheBackendWhoCalledAndThroughWhichHost() {
		String echoed = echo(null).getResponseBody();

		assertThat(echoed).contains("x-forwarded-for: 127.0.0.1\n")
			.contains("x-forwarded-host: 127.0.0.1:" + this.port + "\n")
			.contains("x-forwarded-proto: http\n")
			.contains("x-forwarded-port: " + this.port + "\n");
	}

	@Test
	void ignoresForwardedHeadersSentByTheClient() {
		String echoed = this.client.get()
			.uri("/api/products/echo")
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Host", "evil.example")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(echoed).contains("x-forwarded-for: 127.0.0.1\n")
			.contains("x-forwarded-host: 127.0.0.1:" + this.port + "\n")
			.doesNotContain("203.0.113.7")
			.doesNotContain("evil.example");
	}

	@Test
	void passesConditionalRequestsAndNotModifiedThrough() {
		this.client.get()
			.uri("/api/products/42")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("ETag", TestBackend.PRODUCT_ETAG)
			.expectHeader().valueEquals("Cache-Control", "max-age=60");

		this.client.get()
			.uri("/api/products/42")
			.header("If-None-Match", TestBackend.PRODUCT_ETAG)
			.exchange()
			.expectStatus().isNotModified()
			.expectHeader().valueEquals("ETag", TestBackend.PRODUCT_ETAG)
			.expectBody().isEmpty();
	}

	@Test
	void passesABackendProblemThroughUntouched() {
		this.client.get()
			.uri("/api/products/missing")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).isEqualTo(TestBackend.MISSING_PRODUCT);
	}

	@Test
	void answers504WhenTheBackendIsSlowerThanTheRouteTimeout() {
		long start = System.nanoTime();

		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/api/products/slow")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("about:blank")
			.jsonPath("$.title").isEqualTo("Gateway Timeout")
			.jsonPath("$.status").isEqualTo(504)
			.jsonPath("$.instance").isEqualTo("/api/products/slow")
			.returnResult();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(new String(result.getResponseBodyContent())).doesNotContain("Exception")
			.contains("\"requestId\":\"" + result.getResponseHeaders().getFirst("X-Request-Id") + "\"");
		assertThat(catalog.hits("/api/products/slow")).as("timeouts are not retried").isEqualTo(1);
	}

	@Test
	void answers404ProblemForAPathNoRouteMatches() {
		// Without a token the answer would be 401: only the public paths are open to anyone.
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/api/unknown/thing")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("user-1", "USER"))
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Not Found")
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.detail").isEqualTo("No route matches this path.")
			.jsonPath("$.instance").isEqualTo("/api/unknown/thing")
			.returnResult();

		String id = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(id).matches(UUID_PATTERN);
		assertThat(new String(result.getResponseBodyContent())).contains("\"requestId\":\"" + id + "\"");
	}

	@Test
	void doesNotRetryAServerErrorOtherThan502Or503() {
		this.client.get()
			.uri("/api/products/boom")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectBody(String.class).isEqualTo(TestBackend.BROKEN_PRODUCT);

		assertThat(catalog.hits("/api/products/boom")).isEqualTo(1);
	}

	@Test
	void retriesA503ForGetButNotForPost() {
		this.client.get().uri("/api/products/unavailable").exchange().expectStatus().isEqualTo(503);
		assertThat(catalog.hits("/api/products/unavailable")).as("first try and two retries").isEqualTo(3);

		// Writes to the catalog need a token.
		this.client.post()
			.uri("/api/products/unavailable")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("admin-1", "USER", "ADMIN"))
			.exchange()
			.expectStatus().isEqualTo(503);
		assertThat(catalog.hits("/api/products/unavailable")).as("no retry for POST").isEqualTo(4);
	}

	@Test
	void exposesProbesAndGatewayMetricsOnTheManagementPort() {
		WebTestClient management = GatewayClient.to(this.managementPort);
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get().uri("/api/products").exchange().expectStatus().isOk();

		management.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("spring_cloud_gateway_requests_seconds_count")
				.contains("routeId=\"catalog\""));
	}

	private EntityExchangeResult<String> echo(String requestId) {
		return this.client.get()
			.uri("/api/products/echo")
			.headers(headers -> {
				if (requestId != null) {
					headers.set("X-Request-Id", requestId);
				}
			})
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult();
	}

}

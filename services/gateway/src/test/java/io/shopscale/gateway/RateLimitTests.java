package io.shopscale.gateway;

import io.shopscale.testsupport.TestIdentity;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.shopscale.stores.RedisStore;
import io.shopscale.testsupport.SharedStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token buckets in a real Redis. The limits are small so that a burst is a handful of requests. The test client
 * connects from 127.0.0.1, declared a trusted proxy here, so each test can speak for clients of its own
 * addresses through {@code X-Forwarded-For}; clients connecting from 127.0.0.2 and 127.0.0.3 are not trusted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false",
				"spring.cloud.gateway.server.webflux.trusted-proxies=127\\.0\\.0\\.1",
				"shopscale.gateway.rate-limits.credentials.replenish-rate=1",
				"shopscale.gateway.rate-limits.credentials.burst-capacity=3",
				"shopscale.gateway.rate-limits.api.replenish-rate=2",
				"shopscale.gateway.rate-limits.api.burst-capacity=5" })
class RateLimitTests {

	/** More requests than a bucket can grant in one go, even if the burst straddles a second or two. */
	static final int BURST = 12;

	static final TestBackend catalog = TestBackend.start("catalog-1");

	static final TestIdentity identity = TestIdentity.start();

	@LocalServerPort
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		TestInstances.route(registry, "catalog", catalog::uri);
		TestInstances.route(registry, "identity", identity::uri);
		TestInstances.sharedRedis(registry);
	}

	@AfterAll
	static void stopServers() {
		catalog.close();
		identity.close();
	}

	@BeforeEach
	void connect() {
		this.client = GatewayClient.to(this.port);
	}

	@Test
	void aLoginBurstIsA429ProblemUntilTheBucketRefills() {
		String address = someAddress();

		EntityExchangeResult<byte[]> limited = firstLimited(() -> login(this.client, address));

		assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(limited.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(limited.getResponseHeaders().getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("3");
		assertThat(limited.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		String problem = new String(limited.getResponseBodyContent());
		assertThat(problem).contains("\"title\":\"Too Many Requests\"", "\"status\":429",
				"\"detail\":\"Too many requests; retry after 1 s.\"", "\"instance\":\"/api/auth/login\"",
				"\"requestId\":\"" + limited.getResponseHeaders().getFirst("X-Request-Id") + "\"");

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> login(this.client, address).exchange().expectStatus().isOk());
	}

	@Test
	void aNoisyClientDoesNotThrottleAnotherBehindTheSameProxy() {
		String noisy = someAddress();
		String quiet = someAddress();

		firstLimited(() -> login(this.client, noisy));

		login(this.client, quiet).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-RateLimit-Remaining", "2");
	}

	@Test
	void aClientCannotEscapeItsBucketBySendingForwardedForItself() {
		// 127.0.0.2 is no trusted proxy: its X-Forwarded-For is ignored, whatever it says.
		WebTestClient untrusted = GatewayClient.from("127.0.0.2", this.port);
		firstLimited(() -> login(untrusted, someAddress()));

		GatewayClient.from("127.0.0.3", this.port)
			.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void eachUserHasABucketOfTheirOwnWhereverTheyConnectFrom() {
		String noisy = identity.token(UUID.randomUUID().toString(), "USER");
		String quiet = identity.token(UUID.randomUUID().toString(), "USER");

		// The noisy user's requests come from a new address each time: the bucket follows the user.
		firstLimited(() -> this.client.get()
			.uri("/api/products")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + noisy)
			.header("X-Forwarded-For", someAddress()));

		this.client.get()
			.uri("/api/products")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + quiet)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-RateLimit-Remaining", "4");
		this.client.get()
			.uri("/api/products")
			.header("X-Forwarded-For", someAddress())
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-RateLimit-Remaining", "4");
	}

	@Test
	void whenRedisGoesAwayRequestsPassUnlimitedAndUndelayedUntilItIsBack() {
		RedisStore redis = SharedStores.get().redis();
		String address = someAddress();
		login(this.client, address).exchange().expectStatus().isOk();

		redis.stop();
		try {
			long start = System.nanoTime();
			for (int i = 0; i < 10; i++) {
				// A bucket of three would have turned most of these away.
				login(this.client, address).exchange()
					.expectStatus().isOk()
					.expectHeader().valueEquals("X-RateLimit-Remaining", "-1");
			}
			// Waiting out the 250 ms Redis timeout on every request would take 2.5 s.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		}
		finally {
			redis.restart();
		}

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> login(this.client, someAddress()).exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals("X-RateLimit-Remaining", "2"));
	}

	private static RequestHeadersSpec<?> login(WebTestClient client, String address) {
		return client.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@example.com\",\"password\":\"guess\"}");
	}

	/** Sends the request until it is turned away: the bucket must run dry within {@link #BURST} requests. */
	private static EntityExchangeResult<byte[]> firstLimited(Supplier<RequestHeadersSpec<?>> request) {
		for (int i = 0; i < BURST; i++) {
			EntityExchangeResult<byte[]> result = request.get().exchange().expectBody().returnResult();
			if (result.getStatus().value() == 429) {
				return result;
			}
			assertThat(result.getStatus().value()).isEqualTo(200);
		}
		throw new AssertionError("no 429 within " + BURST + " requests");
	}

	/** A documentation address (RFC 5737) of its own, so that no two tests share a bucket. */
	private static String someAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(100, 256) + "." + random.nextInt(1, 255);
	}

}

package io.shopscale.gateway;

import io.shopscale.gateway.edge.HttpResponses;
import io.shopscale.testsupport.TestIdentity;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The edge's token checks, access rules and request hygiene, in front of a catalog, the identity service and a
 * back-office service (orders and admin paths), each a real HTTP server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
		// A token naming a key the gateway has not seen yet makes it fetch the keys again at once: the
		// rotation test needs no waiting. The limit on such fetches has its own test (IdentityKeysTests).
		"shopscale.gateway.jwt.jwks-refresh-min-interval=0s" })
class EdgeSecurityTests {

	static final int ONE_MIB = 1024 * 1024;

	static final TestBackend catalog = TestBackend.start("catalog-1");

	static final TestBackend backoffice = TestBackend.start("backoffice-1");

	static final TestIdentity identity = TestIdentity.start();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

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
		backoffice.close();
		identity.close();
	}

	@BeforeEach
	void connect() {
		this.client = GatewayClient.to(this.port);
	}

	@Test
	void aValidTokenReachesTheServiceWithItsAuthorizationHeaderUnchanged() {
		String subject = UUID.randomUUID().toString();
		String token = identity.token(subject, "USER");

		String echoed = this.client.get()
			.uri("/api/orders/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Backend", "backoffice-1")
			.expectBody(String.class).returnResult().getResponseBody();

		// The service checks the token again itself; the gateway vouches for nobody in a header of its own.
		assertThat(echoed).contains("authorization: Bearer " + token + "\n").doesNotContain(subject);
	}

	static Stream<Arguments> forgedTokens() {
		RSAKey stranger = TestIdentity.newKey();
		String knownKeyId = identity.signingKey().getKeyID();
		Instant now = Instant.now();
		JWSHeader rs256 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(knownKeyId).build();
		return Stream.of(arguments("alg none", new PlainJWT(identity.claims("u1", "ADMIN").build()).serialize()),
				arguments("HS256 keyed with the public key", hmacWithThePublicKey(identity.claims("u1", "ADMIN").build())),
				arguments("expired", identity.sign(identity.claims("u1")
					.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
					.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
					.build())),
				arguments("wrong audience", identity.sign(identity.claims("u1").audience("another-api").build())),
				arguments("wrong issuer", identity.sign(identity.claims("u1").issuer("https://evil.example").build())),
				arguments("unknown key id", TestIdentity.sign(
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(),
						identity.claims("u1").build(), stranger)),
				arguments("known key id, other key", TestIdentity.sign(rs256, identity.claims("u1").build(), stranger)),
				arguments("no key id", TestIdentity.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
						identity.claims("u1").build(), identity.signingKey())),
				arguments("RS384 instead of RS256", TestIdentity.sign(
						new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(knownKeyId).build(),
						identity.claims("u1").build(), identity.signingKey())),
				arguments("lives an hour", identity.sign(identity.claims("u1")
					.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
					.build())),
				arguments("not valid yet", identity.sign(identity.claims("u1")
					.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))
					.build())),
				arguments("no subject", identity.sign(identity.claims("u1").subject(null).build())),
				arguments("no expiry", identity.sign(identity.claims("u1").expirationTime(null).build())),
				arguments("malformed", "not-a-jwt"),
				arguments("three garbage parts", "abc.def.ghi"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgedTokens")
	void aForgedOrUnusableTokenIsA401Problem(String name, String token) {
		expectProblem(this.client.get()
			.uri("/api/orders/forged/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange(), 401, "Unauthorized", "The bearer token is invalid or has expired.", "/api/orders/forged/echo")
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");

		assertThat(backoffice.hits("/api/orders/forged/echo")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "Bearer a b", "Bearer \"quoted\"" })
	void aMalformedAuthorizationHeaderIsA401Problem(String authorization) {
		expectProblem(this.client.get().uri("/api/orders/echo").header(HttpHeaders.AUTHORIZATION, authorization).exchange(),
				401, "Unauthorized", "The bearer token is invalid or has expired.", "/api/orders/echo")
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/orders/echo", "/api/admin/echo", "/api/auth/me", "/api/unknown/thing" })
	void aProtectedPathWithoutATokenIsA401Problem(String path) {
		expectProblem(this.client.get().uri(path).exchange(), 401, "Unauthorized", "This request needs a bearer token.", path)
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void otherCredentialsThanABearerTokenDoNotCount() {
		expectProblem(this.client.get().uri("/api/orders/echo").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz").exchange(),
				401, "Unauthorized", "This request needs a bearer token.", "/api/orders/echo")
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void writingToTheCatalogNeedsAToken() {
		expectProblem(this.client.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
				401, "Unauthorized", "This request needs a bearer token.", "/api/products");
	}

	@Test
	void aUserIsForbiddenTheAdminPathsAndAnAdminIsNot() {
		expectProblem(this.client.get()
			.uri("/api/admin/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("user-7", "USER"))
			.exchange(), 403, "Forbidden", "The bearer token does not grant access to this resource.", "/api/admin/echo")
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		assertThat(backoffice.hits("/api/admin/echo")).isZero();

		this.client.get()
			.uri("/api/admin/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("admin-1", "USER", "ADMIN"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Backend", "backoffice-1");
	}

	@Test
	void theCatalogIsPublicWithOrWithoutAToken() {
		this.client.get().uri("/api/products?q=tea").exchange().expectStatus().isOk();
		this.client.head().uri("/api/products/42").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/products/42")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("user-8", "USER"))
			.exchange()
			.expectStatus().isOk();

		// A token that is sent is checked, even where none is needed.
		expectProblem(this.client.get().uri("/api/products").header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi").exchange(),
				401, "Unauthorized", "The bearer token is invalid or has expired.", "/api/products");
	}

	@Test
	void registerLoginAndTheKeysArePublicAndRoutedToTheIdentityService() {
		for (String path : List.of("/api/auth/register", "/api/auth/login")) {
			this.client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"email\":\"a@example.com\",\"password\":\"correct horse battery staple\"}")
				.exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$.endpoint").isEqualTo(path);
		}
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA").jsonPath("$.keys[0].d").doesNotExist();
	}

	@Test
	void theActuatorAnswersOnTheManagementPortAndNotOnThePublicOne() {
		WebTestClient management = GatewayClient.to(this.managementPort);
		for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus")) {
			management.get().uri(path).exchange().expectStatus().isOk();
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void aRotatedKeyIsPickedUpWhenATokenNamesIt() {
		String before = identity.token("user-9", "USER");
		this.client.get().uri("/api/orders/echo").header(HttpHeaders.AUTHORIZATION, "Bearer " + before).exchange()
			.expectStatus().isOk();
		int fetches = identity.jwksHits();

		identity.rotate();
		String after = identity.token("user-9", "USER");
		this.client.get().uri("/api/orders/echo").header(HttpHeaders.AUTHORIZATION, "Bearer " + after).exchange()
			.expectStatus().isOk();
		this.client.get().uri("/api/orders/echo").header(HttpHeaders.AUTHORIZATION, "Bearer " + after).exchange()
			.expectStatus().isOk();

		assertThat(identity.jwksHits()).as("one fetch for the new key, then it is known").isEqualTo(fetches + 1);
	}

	@Test
	void aBodyOverTheLimitIsA413Problem() {
		String token = identity.token("user-10", "USER");
		this.client.post()
			.uri("/api/orders/big/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[ONE_MIB])
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(echo -> assertThat(echo).contains("body-bytes: " + ONE_MIB + "\n"));

		expectProblem(this.client.post()
			.uri("/api/orders/big/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[ONE_MIB + 1])
			.exchange(), 413, "Content Too Large", "The request body is larger than the 1048576 bytes allowed.",
				"/api/orders/big/echo");

		assertThat(backoffice.hits("/api/orders/big/echo")).as("only the body within the limit got through").isEqualTo(1);
	}

	@Test
	void aStreamedBodyIsCutOffAtTheLimit() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		// 17 chunks of 64 KiB: the limit is crossed in the last one, with no Content-Length to tell in advance.
		Flux<DataBuffer> body = Flux.range(0, 17).map(i -> buffers.wrap(new byte[64 * 1024]));

		expectProblem(this.client.post()
			.uri("/api/orders/streamed/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("user-11", "USER"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body, DataBuffer.class)
			.exchange(), 413, "Content Too Large", "The request body is larger than the 1048576 bytes allowed.",
				"/api/orders/streamed/echo");
	}

	@Test
	void aBodyThatIsNotJsonIsA415Problem() {
		String token = identity.token("user-12", "USER");
		expectProblem(this.client.post()
			.uri("/api/orders/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("two lamps please")
			.exchange(), 415, "Unsupported Media Type", "Send the request body as application/json.", "/api/orders/echo");

		expectProblem(this.client.put()
			.uri("/api/orders/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header(HttpHeaders.CONTENT_TYPE, "application/*")
			.bodyValue("{}".getBytes(StandardCharsets.UTF_8))
			.exchange(), 415, "Unsupported Media Type", "Send the request body as application/json.", "/api/orders/echo");

		this.client.post()
			.uri("/api/orders/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
			.bodyValue("{\"items\":[]}".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus().isOk();
		// A write without a body needs no content type.
		this.client.post()
			.uri("/api/orders/echo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void aPathThatCouldBeReadTwoWaysIsA400Problem() {
		URI sneaky = URI.create("http://127.0.0.1:" + this.port + "/api/products/..%2Fadmin%2Fecho");
		this.client.get()
			.uri(sneaky)
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.requestId").isNotEmpty();
		assertThat(catalog.hits("/api/products/../admin/echo")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products/%zz", "/api/products?q=%zz", "/api/orders/%e0%a4%", "/api/products/%" })
	void aUrlThatCannotBeParsedIsA400ProblemAndReachesNoService(String target) throws Exception {
		int before = catalog.totalHits() + backoffice.totalHits();

		String response = raw("GET " + target + " HTTP/1.1");

		assertThat(response).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("content-type: application/problem+json")
			.containsIgnoringCase("cache-control: no-store")
			.containsIgnoringCase("x-request-id: ")
			.contains("\"status\":400", "\"detail\":\"The request's URL or headers are not accepted.\"",
					"\"requestId\":\"");
		assertThat(catalog.totalHits() + backoffice.totalHits()).isEqualTo(before);
	}

	@Test
	void aRequestLineOrHeadersOverTheLimitAreProblemsWithTheirOwnStatus() throws Exception {
		String longUrl = raw("GET /api/products?q=" + "a".repeat(10_000) + " HTTP/1.1");
		String bigHeader = raw("GET /api/products HTTP/1.1\r\nX-Big: " + "b".repeat(20_000));

		assertThat(longUrl).startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":414");
		assertThat(bigHeader).startsWith("HTTP/1.1 431").containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":431");
	}

	@Test
	void aKeptAliveConnectionIsAnsweredRequestAfterRequest() throws Exception {
		// The gateway's own quick answers (401) between proxied ones (200): the mix that used to stall a connection.
		String[] paths = { "/api/orders/echo", "/api/products", "/api/unknown/thing" };
		int[] expected = { 401, 200, 401 };
		try (var socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5_000);
			for (int i = 0; i < 300; i++) {
				socket.getOutputStream()
					.write(("GET " + paths[i % 3] + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().flush();

				assertThat(HttpResponses.skipOne(socket.getInputStream())).as("answer %d", i).isEqualTo(expected[i % 3]);
			}
		}
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		List<ResponseSpec> answers = List.of(
				this.client.get().uri("/api/products").exchange().expectStatus().isOk(),
				this.client.get().uri("/api/orders/echo").exchange().expectStatus().isUnauthorized(),
				this.client.get()
					.uri("/api/unknown/thing")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token("user-13", "USER"))
					.exchange()
					.expectStatus().isNotFound());
		for (ResponseSpec answer : answers) {
			answer.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader().valueEquals("X-Frame-Options", "DENY")
				.expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
				.expectHeader().valueEquals("Referrer-Policy", "no-referrer")
				// Plain HTTP: HSTS would be ignored by browsers and belongs to whatever terminates TLS.
				.expectHeader().doesNotExist("Strict-Transport-Security");
		}
	}

	/** A request line as a careless or hostile client writes it, which no well-behaved HTTP client will send. */
	private String raw(String requestLine) throws Exception {
		try (var socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static ResponseSpec expectProblem(ResponseSpec response, int status, String title, String detail,
			String instance) {
		response.expectStatus().isEqualTo(status)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type").isEqualTo("about:blank")
			.jsonPath("$.title").isEqualTo(title)
			.jsonPath("$.status").isEqualTo(status)
			.jsonPath("$.detail").isEqualTo(detail)
			.jsonPath("$.instance").isEqualTo(instance)
			.jsonPath("$.requestId").isNotEmpty();
		return response;
	}

	private static String hmacWithThePublicKey(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(identity.signingKey().getKeyID()).build(), claims);
			jwt.sign(new MACSigner(identity.signingKey().toRSAPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BackOfficeRoute {

		/** Orders and admin paths have no service yet; the test routes them to a back office of its own. */
		@Bean
		RouteLocator backOffice(RouteLocatorBuilder routes) {
			return routes.routes()
				.route("test-back-office", route -> route.path("/api/orders/**", "/api/admin/**").uri(backoffice.uri()))
				.build();
		}

	}

}

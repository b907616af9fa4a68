package io.shopscale.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the identity service: a real HTTP server that publishes the public half of an RSA key pair made
 * for the test at {@code /.well-known/jwks.json}, answers login and register, and mints tokens the way the real
 * service does (RS256, {@code kid}, {@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp},
 * {@code jti}, {@code roles}).
 */
public final class TestIdentity implements AutoCloseable {

	public static final String ISSUER = "shopscale-identity";

	public static final String AUDIENCE = "shopscale-api";

	private final HttpServer server;

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger jwksHits = new AtomicInteger();

	private final List<RSAKey> published = new ArrayList<>();

	private volatile RSAKey signingKey;

	private TestIdentity() throws IOException {
		this.signingKey = newKey();
		this.published.add(this.signingKey);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.workers);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static TestIdentity start() {
		try {
			return new TestIdentity();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public int jwksHits() {
		return this.jwksHits.get();
	}

	/** The key tokens are signed with (private half included). */
	public RSAKey signingKey() {
		return this.signingKey;
	}

	/** Publishes a new key next to the old ones and signs with it from now on, as a key rotation does. */
	public synchronized RSAKey rotate() {
		RSAKey key = newKey();
		this.published.add(key);
		this.signingKey = key;
		return key;
	}

	/** Stops publishing every key but the one tokens are signed with, as the end of a rotation does. */
	public synchronized void retireOldKeys() {
		this.published.retainAll(List.of(this.signingKey));
	}

	/**
	 * Publishes a new key and none of the ones before, and signs with it from now on: the key set that something
	 * registered as identity, but not identity, would serve.
	 */
	public synchronized RSAKey replaceAllKeys() {
		RSAKey key = newKey();
		this.published.clear();
		this.published.add(key);
		this.signingKey = key;
		return key;
	}

	/** A valid token for the subject with the given roles. */
	public String token(String subject, String... roles) {
		return sign(claims(subject, roles).build());
	}

	/** The claims of a valid 15-minute token, to adjust before signing. */
	public JWTClaimsSet.Builder claims(String subject, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of(roles));
	}

	/** Signs with the current key, naming it in {@code kid}. */
	public String sign(JWTClaimsSet claims) {
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID()).build(), claims,
				this.signingKey);
	}

	public static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.workers.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		switch (path) {
			case "/.well-known/jwks.json" -> {
				this.jwksHits.incrementAndGet();
				send(exchange, "application/jwk-set+json", jwks());
			}
			case "/api/auth/login", "/api/auth/register" -> send(exchange, "application/json",
					"{\"endpoint\":\"" + path + "\"}");
			default -> {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
			}
		}
	}

	private synchronized String jwks() {
		List<JWK> keys = new ArrayList<>();
		for (RSAKey key : this.published) {
			keys.add(key.toPublicJWK());
		}
		return new JWKSet(keys).toString();
	}

	private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		exchange.close();
	}

}

package io.shopscale.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a catalog instance: a real HTTP server on a random port that echoes, delays and fails on
 * demand, and counts the requests it receives per path.
 */
final class TestBackend implements AutoCloseable {

	static final String PRODUCT_ETAG = "\"v1\"";

	static final String MISSING_PRODUCT = """
			{"type":"about:blank","title":"Not Found","status":404,"detail":"No product 999.","instance":"/api/products/missing"}""";

	static final String BROKEN_PRODUCT = """
			{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Boom.","instance":"/api/products/boom"}""";

	private final String name;

	private final HttpServer server;

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private TestBackend(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.workers);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static TestBackend start(String name) {
		try {
			return new TestBackend(name);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A local address nothing listens on: connections to it are refused at once. */
	static URI deadUri() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	int totalHits() {
		return this.hits.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.delays.shutdownNow();
		this.workers.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.hits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
		exchange.getResponseHeaders().set("X-Backend", this.name);
		// What a backend may claim about itself; the gateway's X-Served-By names the instance it really chose.
		exchange.getResponseHeaders().set("X-Served-By", "claimed-by-" + this.name);
		// A backend that echoes the id back must not produce a second value at the gateway.
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		if (requestId != null) {
			exchange.getResponseHeaders().set("X-Request-Id", requestId);
		}
		switch (path) {
			case "/api/products" -> send(exchange, 200, "application/json",
					"{\"items\":[],\"page\":0,\"size\":20,\"total\":0,\"query\":\"%s\"}"
						.formatted(exchange.getRequestURI().getRawQuery()));
			case "/api/products/echo" -> send(exchange, 200, "text/plain", echo(exchange));
			case "/api/products/42" -> product(exchange);
			case "/api/products/slow" -> this.delays.schedule(() -> sendQuietly(exchange, 200, "text/plain", "late"), 3,
					TimeUnit.SECONDS);
			case "/api/products/missing" -> send(exchange, 404, "application/problem+json", MISSING_PRODUCT);
			case "/api/products/boom" -> send(exchange, 500, "application/problem+json", BROKEN_PRODUCT);
			case "/api/products/unavailable" -> send(exchange, 503, "text/plain", "busy");
			// Any other service's echo (/api/orders/echo, /api/admin/echo, ...) when the test routes there.
			default -> {
				if (path.endsWith("/echo")) {
					send(exchange, 200, "text/plain", echo(exchange));
				}
				else {
					send(exchange, 404, "text/plain", "no such path");
				}
			}
		}
	}

	private String echo(HttpExchange exchange) {
		Map<String, String> lines = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((header, values) -> lines.put(header.toLowerCase(Locale.ROOT), String.join(",", values)));
		StringBuilder body = new StringBuilder("method: ").append(exchange.getRequestMethod()).append('\n');
		lines.forEach((header, value) -> body.append(header).append(": ").append(value).append('\n'));
		try {
			body.append("body-bytes: ").append(exchange.getRequestBody().readAllBytes().length).append('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return body.toString();
	}

	private void product(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("ETag", PRODUCT_ETAG);
		exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
		if (PRODUCT_ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		send(exchange, 200, "application/json", "{\"id\":42,\"name\":\"Teapot\"}");
	}

	private static void sendQuietly(HttpExchange exchange, int status, String contentType, String body) {
		try {
			send(exchange, status, contentType, body);
		}
		catch (IOException ex) {
			// The gateway gave up waiting and closed the connection, as it should.
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
		if (!head) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

}

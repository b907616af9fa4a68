package io.shopscale.gateway.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept-alive connections keep being read, on the bare HTTP server the gateway runs on, in the exchange pattern that
 * stalls Reactor Netty 1.3.6 on about one connection in six: an answer sent at once whose exchange finishes a moment
 * later, so that the client's next request arrives while the previous exchange is still finishing.
 */
class ReadAfterResponseTests {

	private static final int CONNECTIONS = 60;

	private static final int REQUESTS_PER_CONNECTION = 50;

	private DisposableServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void everyRequestOnAKeptAliveConnectionIsAnswered() throws IOException {
		this.server = new ReadAfterResponse().apply(HttpServer.create().host("127.0.0.1").port(0))
			.handle((request, response) -> {
				if (request.uri().equals("/async")) {
					return response.sendString(Mono.delay(Duration.ofMillis(1)).thenReturn("ok"));
				}
				Duration finishing = Duration.ofMillis(request.uri().equals("/finishing") ? 2 : 0);
				return response.status(HttpResponseStatus.UNAUTHORIZED)
					.header("Content-Length", "0")
					.send()
					.then(Mono.delay(finishing).then());
			})
			.bindNow();

		int unanswered = 0;
		for (int connection = 0; connection < CONNECTIONS; connection++) {
			unanswered += unansweredOnOneConnection();
		}

		assertThat(unanswered).as("requests never answered on a kept-alive connection").isZero();
	}

	private int unansweredOnOneConnection() throws IOException {
		String[] paths = { "/at-once", "/finishing", "/async" };
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(2_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
				out.write(("GET " + paths[i % paths.length] + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				try {
					HttpResponses.skipOne(in);
				}
				catch (SocketTimeoutException stalled) {
					return 1;
				}
			}
			return 0;
		}
	}

}

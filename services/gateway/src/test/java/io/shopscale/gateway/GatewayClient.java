package io.shopscale.gateway;

import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A client that talks to the running gateway over a real socket, as a browser would. */
final class GatewayClient {

	private GatewayClient() {
	}

	static WebTestClient to(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}

package io.shopscale.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A client that talks to the running gateway over a real socket, as a browser would. */
final class GatewayClient {

	private GatewayClient() {
	}

	/**
	 * A connection per request: these tests are about what the gateway answers, and Reactor Netty's server can,
	 * rarely, leave a request on a kept-alive connection unanswered after answering earlier ones on it by itself
	 * (401s, probes; upstream reports reactor/reactor-netty#4188 and #4361), which would fail a test for a reason
	 * that is not its own.
	 */
	static WebTestClient to(int port) {
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * A client whose connections come from another loopback address ({@code 127.0.0.2}, ...), so that the gateway
	 * sees a different peer: a second client machine, as far as per-address rate limits can tell.
	 */
	static WebTestClient from(String localAddress, int port) {
		HttpClient http = HttpClient.newConnection().bindAddress(() -> new InetSocketAddress(localAddress, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}

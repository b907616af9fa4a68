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

	/** Kept-alive connections from a pool, as a browser keeps them. */
	static WebTestClient to(int port) {
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
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

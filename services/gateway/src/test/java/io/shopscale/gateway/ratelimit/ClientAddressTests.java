package io.shopscale.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	static final String PROXIES = "10\\.0\\.0\\.\\d+";

	@Test
	void withNoTrustedProxyThePeerIsTheClientWhateverTheHeaderSays() {
		ClientAddress addresses = new ClientAddress("^$");

		assertThat(addresses.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
		assertThat(new ClientAddress(null).of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void behindATrustedProxyTheHopItAddedIsTheClient() {
		ClientAddress addresses = new ClientAddress(PROXIES);

		assertThat(addresses.of(request("10.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
		assertThat(addresses.of(request("10.0.0.1"))).isEqualTo("10.0.0.1");
	}

	@Test
	void hopsAClientWroteItselfAreIgnored() {
		ClientAddress addresses = new ClientAddress(PROXIES);

		// The client sent "X-Forwarded-For: 1.2.3.4"; proxy 10.0.0.4 appended the real peer, then 10.0.0.1 its own.
		assertThat(addresses.of(request("10.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.4"))).isEqualTo("203.0.113.7");
		assertThat(addresses.of(request("10.0.0.1", "1.2.3.4", "203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void whenEveryHopIsATrustedProxyTheFarthestIsTheClient() {
		assertThat(new ClientAddress(PROXIES).of(request("10.0.0.1", "10.0.0.9, 10.0.0.4"))).isEqualTo("10.0.0.9");
	}

	@Test
	void anUntrustedPeerCannotChooseItsAddress() {
		assertThat(new ClientAddress(PROXIES).of(request("192.0.2.10", "10.0.0.4"))).isEqualTo("192.0.2.10");
	}

	@Test
	void noPeerAddressIsUnknown() {
		assertThat(new ClientAddress(PROXIES).of(MockServerHttpRequest.get("/").build())).isEqualTo("unknown");
	}

	private static MockServerHttpRequest request(String peer, String... forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/products")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor.length > 0) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return request.build();
	}

}

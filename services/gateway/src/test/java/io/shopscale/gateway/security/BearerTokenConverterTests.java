package io.shopscale.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class BearerTokenConverterTests {

	private final BearerTokenConverter converter = new BearerTokenConverter();

	@Test
	void readsTheTokenAfterTheSchemeInAnyCase() {
		StepVerifier.create(this.converter.convert(withAuthorization("bearer eyJh.eyJz-_~+/.c2ln==")))
			.assertNext(authentication -> assertThat(((BearerTokenAuthenticationToken) authentication).getToken())
				.isEqualTo("eyJh.eyJz-_~+/.c2ln=="))
			.verifyComplete();
	}

	@Test
	void anotherSchemeOrNoHeaderIsNoBearerToken() {
		StepVerifier.create(this.converter.convert(withAuthorization("Basic dXNlcjpwYXNz"))).verifyComplete();
		StepVerifier.create(this.converter.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/x"))))
			.verifyComplete();
	}

	@Test
	void aMalformedTokenIsAnAuthenticationError() {
		for (String header : new String[] { "Bearer ", "Bearer a b", "Bearer abc\"", "Bearer ===", "Bearer ab=c",
				"Bearer tökén" }) {
			StepVerifier.create(this.converter.convert(withAuthorization(header)))
				.expectError(OAuth2AuthenticationException.class)
				.verify();
		}
	}

	private static MockServerWebExchange withAuthorization(String value) {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/api/cart").header("Authorization", value));
	}

}

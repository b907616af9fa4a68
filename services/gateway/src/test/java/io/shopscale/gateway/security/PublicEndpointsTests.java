package io.shopscale.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

import static org.assertj.core.api.Assertions.assertThat;

class PublicEndpointsTests {

	@ParameterizedTest
	@CsvSource({ "GET, /api/products", "GET, /api/products/42", "HEAD, /api/products/42", "GET, /api/products/a/b",
			"POST, /api/auth/register", "POST, /api/auth/login", "GET, /.well-known/jwks.json",
			"GET, /actuator/health", "GET, /actuator/health/readiness", "GET, /actuator/prometheus",
			"GET, /actuator/info", "GET, /api/inventory/HKT-00001" })
	void isPublic(String method, String path) {
		assertThat(PublicEndpoints.matches(MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build()))
			.isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "POST, /api/products", "PUT, /api/products/42", "DELETE, /api/products/42", "GET, /api/productsx",
			"GET, /api/auth/login", "POST, /api/auth/logout", "GET, /api/auth/me", "GET, /api/orders",
			"GET, /api/admin/products", "POST, /.well-known/jwks.json", "GET, /actuator/env", "GET, /",
			"GET, /api/cart", "PUT, /api/inventory/HKT-00001", "GET, /api/admin/inventory/HKT-00001" })
	void needsAToken(String method, String path) {
		assertThat(PublicEndpoints.matches(MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build()))
			.isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/products, false", "GET, /api/products, true", "GET, /api/orders, false" })
	void onlyAPublicRequestWithoutCredentialsSkipsTheSecurityChain(String method, String path, boolean credentials) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(HttpMethod.valueOf(method), path);
		if (credentials) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer x");
		}
		MatchResult result = PublicEndpoints.needingSecurity()
			.matches(MockServerWebExchange.from(request.build()))
			.block();

		assertThat(result.isMatch()).isEqualTo(credentials || !path.startsWith("/api/products"));
	}

}

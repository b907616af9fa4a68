package io.shopscale.gateway.admission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The path a request's priority is read from, for every form of request target HTTP/1.1 allows. */
class AdmissionHandlerTests {

	@Test
	void thePathIsTheTargetWithoutQueryFragmentSchemeOrAuthority() {
		assertThat(AdmissionHandler.pathOf("/api/orders")).isEqualTo("/api/orders");
		assertThat(AdmissionHandler.pathOf("/api/products?q=lamp&size=5")).isEqualTo("/api/products");
		assertThat(AdmissionHandler.pathOf("/api/products#top")).isEqualTo("/api/products");
		assertThat(AdmissionHandler.pathOf("http://shop:8080/api/orders/7?x=1")).isEqualTo("/api/orders/7");
		assertThat(AdmissionHandler.pathOf("http://shop:8080")).isEqualTo("/");
		assertThat(AdmissionHandler.pathOf("*")).isEqualTo("*");
	}

}

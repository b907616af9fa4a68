package io.shopscale.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTests {

    @Test
    void theLastForwardedHopIsTheClientTheGatewaySaw() {
        MockHttpServletRequest request = request("10.0.0.5");
        request.addHeader("X-Forwarded-For", "1.2.3.4, 203.0.113.7");

        assertThat(ClientAddress.of(request, true)).isEqualTo("203.0.113.7");
    }

    @Test
    void ofSeveralHeadersTheLastOneCounts() {
        MockHttpServletRequest request = request("10.0.0.5");
        request.addHeader("X-Forwarded-For", "6.6.6.6");
        request.addHeader("X-Forwarded-For", "2001:db8::1");

        assertThat(ClientAddress.of(request, true)).isEqualTo("2001:db8::1");
    }

    @Test
    void withoutAUsableHeaderItIsThePeer() {
        assertThat(ClientAddress.of(request("10.0.0.5"), true)).isEqualTo("10.0.0.5");
        MockHttpServletRequest garbage = request("10.0.0.5");
        garbage.addHeader("X-Forwarded-For", "1.2.3.4, not an address");
        assertThat(ClientAddress.of(garbage, true)).isEqualTo("10.0.0.5");
        MockHttpServletRequest injected = request("10.0.0.5");
        injected.addHeader("X-Forwarded-For", "1.2.3.4:*");
        assertThat(ClientAddress.of(injected, true)).isEqualTo("10.0.0.5");
    }

    @Test
    void anUntrustedHeaderIsIgnored() {
        MockHttpServletRequest request = request("10.0.0.5");
        request.addHeader("X-Forwarded-For", "203.0.113.7");

        assertThat(ClientAddress.of(request, false)).isEqualTo("10.0.0.5");
    }

    private static MockHttpServletRequest request(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setRemoteAddr(peer);
        return request;
    }
}

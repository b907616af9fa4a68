package io.shopscale.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTests {

    private final ClientAddress behindTheGateway = new ClientAddress(List.of("10.0.0.5", "::1"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());

        assertThat(direct.of(request("10.0.0.5", "203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotNameItsClient() {
        assertThat(behindTheGateway.of(request("192.0.2.44", "203.0.113.7"))).isEqualTo("192.0.2.44");
    }

    @Test
    void behindATrustedProxyTheClientIsTheHopItAppended() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the gateway appended the peer it saw.
        assertThat(behindTheGateway.of(request("10.0.0.5", "1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void furtherTrustedProxiesAreSkippedFromTheRight() {
        ClientAddress chain = new ClientAddress(List.of("10.0.0.5", "172.16.0.0/12"));

        assertThat(chain.of(request("10.0.0.5", "6.6.6.6, 198.51.100.20, 172.16.3.4, 172.31.255.1")))
                .isEqualTo("198.51.100.20");
        assertThat(chain.of(request("10.0.0.5", "172.16.3.4"))).as("every hop a proxy: the farthest")
                .isEqualTo("172.16.3.4");
        assertThat(chain.of(request("10.0.0.5"))).as("no header").isEqualTo("10.0.0.5");
    }

    @Test
    void ofSeveralHeaderLinesTheLastWasAppendedLast() {
        MockHttpServletRequest request = request("10.0.0.5", "6.6.6.6");
        request.addHeader("X-Forwarded-For", "2001:db8::1");

        assertThat(behindTheGateway.of(request)).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void ipv6PeersAndRangesAndOneSpellingPerAddress() {
        ClientAddress v6 = new ClientAddress(List.of("2001:db8:aa::/48"));

        assertThat(v6.of(request("2001:db8:aa:1::9", "2001:DB8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(v6.of(request("2001:db8:ab::9", "2001:db8::7"))).as("outside the /48")
                .isEqualTo("2001:db8:ab:0:0:0:0:9");
        assertThat(behindTheGateway.of(request("0:0:0:0:0:0:0:1", "203.0.113.7"))).as("loopback spelled out")
                .isEqualTo("203.0.113.7");
        assertThat(behindTheGateway.of(request("::ffff:10.0.0.5", "203.0.113.7"))).as("IPv4-mapped")
                .isEqualTo("203.0.113.7");
        assertThat(v6.of(request("fe80::1%eth0"))).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @Test
    void garbageEndsTheWalkAtTheNearestTrustedHop() {
        assertThat(behindTheGateway.of(request("10.0.0.5", "1.2.3.4, not an address"))).isEqualTo("10.0.0.5");
        assertThat(behindTheGateway.of(request("10.0.0.5", "1.2.3.4:*"))).isEqualTo("10.0.0.5");
        assertThat(behindTheGateway.of(request("10.0.0.5", "1.2.3.4, cafe.example, ::1"))).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(behindTheGateway.of(request("10.0.0.5", "999.1.1.1"))).isEqualTo("10.0.0.5");
        assertThat(behindTheGateway.of(request("10.0.0.5", "1.2.3.4,, "))).as("empty hops are skipped")
                .isEqualTo("1.2.3.4");
    }

    @Test
    void textThatIsNoLiteralIsNeverLookedUp() {
        // Hex letters and dots only, so a careless parser would take it for a host name and ask DNS.
        assertThat(IpRange.literal("dead.beef")).isEmpty();
        assertThat(IpRange.literal("localhost")).isEmpty();
        assertThat(IpRange.literal("1:2:3")).isEmpty();
        assertThat(IpRange.literal("01.2.3.4")).isEmpty();
        assertThat(IpRange.literal("192.0.2.1")).isPresent();
    }

    @Test
    void rangesContainWhatTheirPrefixSays() {
        assertThat(IpRange.parse("10.0.0.0/8").contains(IpRange.literal("10.255.1.2").orElseThrow())).isTrue();
        assertThat(IpRange.parse("10.1.2.3/8").contains(IpRange.literal("11.0.0.1").orElseThrow())).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains(IpRange.literal("::1").orElseThrow())).as("other family")
                .isFalse();
        assertThat(IpRange.parse(" ::1 ").contains(IpRange.literal("0:0:0:0:0:0:0:1").orElseThrow())).isTrue();
    }

    @Test
    void aTrustedProxyMustBeAnAddressOrARange() {
        for (String wrong : List.of("gateway", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> new ClientAddress(List.of(wrong)))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("shopscale.identity.login.trusted-proxies: ");
        }
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }
}

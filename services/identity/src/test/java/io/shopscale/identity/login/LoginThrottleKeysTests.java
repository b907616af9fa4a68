package io.shopscale.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleKeysTests {

    @Test
    void anIpv4ClientIsItsAddressAndAnIpv6ClientItsSlash64() {
        assertThat(LoginThrottle.budgetAddress("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.budgetAddress("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.Keys.of("a@example.com", "2001:db8:1:2::99"))
                .isEqualTo(LoginThrottle.Keys.of("a@example.com", "2001:db8:1:2:ffff::1"));
    }

    @Test
    void keysNameNoEmailAddress() {
        LoginThrottle.Keys keys = LoginThrottle.Keys.of("ann@example.com", "203.0.113.7");

        assertThat(keys.toString()).doesNotContain("ann").doesNotContain("example.com");
        assertThat(keys.accountAddress()).endsWith(":203.0.113.7");
        assertThat(keys.address()).endsWith("address:203.0.113.7");
    }
}

package io.shopscale.loadtest.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void secondsOrAnHttpDateCappedAndNeverNegative() {
        assertThat(RetryAfter.parse("3", NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 10:00:07 GMT", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:59:00 GMT", NOW)).isZero();
        assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse(null, NOW)).isEqualTo(RetryAfter.DEFAULT);
        assertThat(RetryAfter.parse("soon", NOW)).isEqualTo(RetryAfter.DEFAULT);
    }

    @Test
    void aShopperLogsInAgainShortlyBeforeTheTokenExpires() {
        AccessToken token = new AccessToken("t", "user-1", NOW.plus(Duration.ofMinutes(15)));
        Shopper shopper = new Shopper(0, "a@b.example", "pw", token);

        assertThat(shopper.needsLogin(NOW.plus(Duration.ofMinutes(13)))).isFalse();
        assertThat(shopper.needsLogin(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        shopper.rejected(token);
        assertThat(shopper.needsLogin(NOW)).isTrue();
        assertThat(shopper.subject()).isEqualTo("user-1");
    }

    @Test
    void theSubjectComesFromTheTokensPayload() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"0193-abc\",\"exp\":1}".getBytes());

        AccessToken token = AccessToken.of("h." + payload + ".s", 900, NOW);

        assertThat(token.subject()).isEqualTo("0193-abc");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(900));
    }
}

package io.shopscale.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.platform.web.InvalidParameterException;
import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @Test
    void trimsAndLowerCasesBothLocalPartAndDomain() {
        EmailAddress email = EmailAddress.parse("  Ann.Lee+Shop@Example.COM \t");

        assertThat(email.value()).isEqualTo("ann.lee+shop@example.com");
        assertThat(email.localPart()).isEqualTo("ann.lee+shop");
        assertThat(email.domain()).isEqualTo("example.com");
    }

    @Test
    void differentlyCasedAddressesAreTheSameAccount() {
        assertThat(EmailAddress.parse("ANN@EXAMPLE.COM")).isEqualTo(EmailAddress.parse("ann@example.com"));
        assertThat(EmailAddress.normalise(" Ann@Example.com ")).isEqualTo("ann@example.com");
    }

    @Test
    void acceptsOrdinaryAddresses() {
        for (String ok : new String[] {"a@b.co", "first.last@sub.example.org", "o'brien@example.ie",
                "x_y-z+tag@xn--bcher-kva.example", "admin@shopscale.local"}) {
            assertThat(EmailAddress.parse(ok).value()).isEqualTo(ok);
        }
    }

    @Test
    void rejectsWhatIsNotAnEmailAddress() {
        for (String bad : new String[] {"", "   ", "plain", "@example.com", "ann@", "ann@@example.com",
                "ann@example", "ann@.example.com", "ann@example..com", ".ann@example.com", "ann.@example.com",
                "an..n@example.com", "ann@-example.com", "ann lee@example.com", "ann@exam_ple.com",
                "ann@example.com\u0000", "\"ann\"@example.com", "ann@127.0.0.1"}) {
            assertRejected(bad);
        }
        assertRejected(null);
    }

    @Test
    void limitsTheLengths() {
        String domain = "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".com";
        String longest = "l".repeat(254 - domain.length()) + domain;
        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.parse("x".repeat(64) + "@example.com").localPart()).hasSize(64);
        assertRejected("x".repeat(65) + "@example.com");
        assertRejected("l" + longest);
        assertRejected("a".repeat(10_000) + "@example.com");
    }

    @Test
    void rejectsNonAsciiIncludingLookAlikes() {
        assertRejected("\u0430dmin@shopscale.local");          // Cyrillic а
        assertRejected("admin@sh\u043Epscale.local");          // Cyrillic о in the domain
        assertRejected("\u212Aate@example.com");               // Kelvin sign, which lower-cases to ASCII k
        assertRejected("j\u00FCrgen@example.de");
        assertRejected("ann\u202E@example.com");               // right-to-left override
        assertRejected("ann@example.com\uD83D\uDE00");
    }

    @Test
    void tryParseIsEmptyWhereParseWouldThrow() {
        assertThat(EmailAddress.tryParse(" Ann@Example.com")).contains(new EmailAddress("ann@example.com"));
        assertThat(EmailAddress.tryParse("\u212Aate@example.com")).isEmpty();
        assertThat(EmailAddress.tryParse("nope")).isEmpty();
        assertThat(EmailAddress.tryParse(null)).isEmpty();
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .as(String.valueOf(raw))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("email"));
    }
}

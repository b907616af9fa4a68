package io.shopscale.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.platform.web.InvalidParameterException;
import org.junit.jupiter.api.Test;

class DisplayNameTests {

    @Test
    void acceptsNamesInAnyScriptAndEmoji() {
        assertThat(DisplayName.parse("  Zoë Ødegaard ").value()).isEqualTo("Zoë Ødegaard");
        assertThat(DisplayName.parse("李小龍").value()).isEqualTo("李小龍");
        assertThat(DisplayName.parse("سارا").value()).isEqualTo("سارا");
        // A family emoji is joined with zero-width joiners: format characters that must stay allowed.
        assertThat(DisplayName.parse("Sam \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67").value()).startsWith("Sam");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);
        assertThat(DisplayName.parse(hundredEmoji).value()).isEqualTo(hundredEmoji);
        assertRejected("\uD83D\uDE00".repeat(101));
        assertThat(DisplayName.parse("n".repeat(100)).value()).hasSize(100);
        assertRejected("n".repeat(101));
        assertRejected("n".repeat(10_240));
    }

    @Test
    void normalisesToNfc() {
        assertThat(DisplayName.parse("Zoe\u0308").value()).isEqualTo("Zo\u00EB");
    }

    @Test
    void rejectsEmptyControlAndBidiCharacters() {
        assertRejected(null);
        assertRejected("");
        assertRejected("   ");
        assertRejected("Ann\u0000Lee");
        assertRejected("Ann\nLee");
        assertRejected("Ann\u202Eeel");
        assertRejected("\u2067Ann");
        assertRejected("Ann\uD800");  // a lone surrogate
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> DisplayName.parse(raw))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("name"));
    }
}

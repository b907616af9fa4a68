package io.shopscale.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommonPasswordsTests {

    @Test
    void theBundledListHasAFewThousandEntries() {
        assertThat(new CommonPasswords().size()).isBetween(300, 5_000);
    }

    @Test
    void stripsAtMostSixTrailingDigitsOrSymbolsToFindTheWordUnderneath() {
        CommonPasswords list = new CommonPasswords(Set.of("sunflower"));

        assertThat(list.isCommon("Sunflower")).isTrue();
        assertThat(list.isCommon("sunflower2024!")).isTrue();
        assertThat(list.isCommon("sunflower12345!")).isTrue();
        assertThat(list.isCommon("sunflower123456!")).isFalse();
        assertThat(list.isCommon("sunflowers")).isFalse();
        assertThat(list.isCommon("2024sunflower")).isFalse();
    }

    @Test
    void shortCoresDoNotCount() {
        CommonPasswords list = new CommonPasswords(Set.of("abc"));

        assertThat(list.isCommon("abc123")).isFalse();
        assertThat(list.isCommon("abc")).isTrue();
    }

    @Test
    void recognisesRepeatedUnits() {
        assertThat(CommonPasswords.isRepetition("aaaaaaaaaaaa")).isTrue();
        assertThat(CommonPasswords.isRepetition("abababababab")).isTrue();
        assertThat(CommonPasswords.isRepetition("abcdabcdabcd")).isTrue();
        assertThat(CommonPasswords.isRepetition("abcdeabcdeab")).isFalse();
        assertThat(CommonPasswords.isRepetition("plum-orbit-cascade")).isFalse();
    }
}

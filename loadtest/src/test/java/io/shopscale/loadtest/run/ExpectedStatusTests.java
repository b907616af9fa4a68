package io.shopscale.loadtest.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExpectedStatusTests {

    @Test
    void defaultAcceptsSuccessAndRedirects() {
        assertThat(ExpectedStatus.DEFAULT.matches(200)).isTrue();
        assertThat(ExpectedStatus.DEFAULT.matches(304)).isTrue();
        assertThat(ExpectedStatus.DEFAULT.matches(404)).isFalse();
        assertThat(ExpectedStatus.DEFAULT.matches(500)).isFalse();
    }

    @Test
    void classesAndCodesCombine() {
        ExpectedStatus expected = ExpectedStatus.parse("2XX, 404");

        assertThat(expected.matches(204)).isTrue();
        assertThat(expected.matches(404)).isTrue();
        assertThat(expected.matches(301)).isFalse();
        assertThat(expected).hasToString("2xx,404");
    }

    @Test
    void rejectsWhatIsNotAStatus() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExpectedStatus.parse("2xx,ok"))
                .withMessageContaining("'ok' is not a status");
        assertThatIllegalArgumentException().isThrownBy(() -> ExpectedStatus.parse("600"));
    }
}

package io.shopscale.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountCeilingTests {

    private final AccountCeiling twentyThenOnePerFiveSeconds =
            new AccountCeiling(new FailureBudget(20, Duration.ofMinutes(15)), Duration.ofSeconds(5));

    @Test
    void belowTheCeilingTheSlotDoesNotMatter() {
        assertThat(twentyThenOnePerFiveSeconds.assess(19, 4_000).allowed()).isTrue();
        assertThat(twentyThenOnePerFiveSeconds.assess(0, 0).allowed()).isTrue();
    }

    @Test
    void pastTheCeilingAFreeSlotAdmits() {
        assertThat(twentyThenOnePerFiveSeconds.assess(20, 0).allowed()).isTrue();
        assertThat(twentyThenOnePerFiveSeconds.assess(5_000, -2).allowed()).isTrue();
    }

    @Test
    void pastTheCeilingATakenSlotMeansWaitingSecondsNeverTheWindow() {
        FailureBudget.Verdict slowed = twentyThenOnePerFiveSeconds.assess(20, 3_200);

        assertThat(slowed.allowed()).isFalse();
        assertThat(slowed.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(twentyThenOnePerFiveSeconds.assess(1_000, 900_000).retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theTrickleMustFitTheWindow() {
        FailureBudget oneMinute = new FailureBudget(20, Duration.ofMinutes(1));

        assertThatThrownBy(() -> new AccountCeiling(oneMinute, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountCeiling(oneMinute, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.shopscale.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureBudgetTests {

    private final FailureBudget fivePerQuarterHour = new FailureBudget(5, Duration.ofMinutes(15));

    @Test
    void allowsUntilTheBudgetIsSpent() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(fivePerQuarterHour.allows(failures)).isTrue();
            assertThat(fivePerQuarterHour.assess(failures, 600_000).allowed()).isTrue();
        }
        assertThat(fivePerQuarterHour.allows(5)).isFalse();
        assertThat(fivePerQuarterHour.assess(5, 600_000).allowed()).isFalse();
        assertThat(fivePerQuarterHour.assess(50, 600_000).allowed()).isFalse();
    }

    @Test
    void retryAfterIsTheRestOfTheWindowRoundedUpToWholeSeconds() {
        assertThat(fivePerQuarterHour.assess(5, 600_000).retryAfter()).isEqualTo(Duration.ofSeconds(600));
        assertThat(fivePerQuarterHour.assess(5, 600_001).retryAfter()).isEqualTo(Duration.ofSeconds(601));
        assertThat(fivePerQuarterHour.assess(5, 1).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anUnknownRemainderCountsAsAWholeWindowAndNeverMore() {
        assertThat(fivePerQuarterHour.assess(5, -1).retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(fivePerQuarterHour.assess(5, 0).retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(fivePerQuarterHour.assess(5, 10_000_000).retryAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theRestOfAPeriodIsWholeSecondsAtLeastOneAndAtMostThePeriod() {
        Duration fiveSeconds = Duration.ofSeconds(5);

        assertThat(FailureBudget.rest(fiveSeconds, 4_001)).isEqualTo(Duration.ofSeconds(5));
        assertThat(FailureBudget.rest(fiveSeconds, 4_000)).isEqualTo(Duration.ofSeconds(4));
        assertThat(FailureBudget.rest(fiveSeconds, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailureBudget.rest(fiveSeconds, 60_000)).isEqualTo(fiveSeconds);
        assertThat(FailureBudget.rest(Duration.ofMillis(300), 250)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailureBudget.rest(fiveSeconds, -2)).isEqualTo(fiveSeconds);
    }

    @Test
    void bothBudgetsMustAllowAndTheLongerWaitWins() {
        FailureBudget.Verdict allowed = FailureBudget.Verdict.ALLOWED;
        FailureBudget.Verdict shortWait = FailureBudget.Verdict.blockedFor(Duration.ofSeconds(10));
        FailureBudget.Verdict longWait = FailureBudget.Verdict.blockedFor(Duration.ofSeconds(500));

        assertThat(allowed.and(allowed).allowed()).isTrue();
        assertThat(allowed.and(shortWait)).isEqualTo(shortWait);
        assertThat(shortWait.and(allowed)).isEqualTo(shortWait);
        assertThat(shortWait.and(longWait)).isEqualTo(longWait);
        assertThat(longWait.and(shortWait)).isEqualTo(longWait);
    }

    @Test
    void aBudgetNeedsAtLeastOneFailureAndOneSecond() {
        assertThatThrownBy(() -> new FailureBudget(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureBudget(1, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.shopscale.identity.login;

import java.time.Duration;

/**
 * The failures one account may have from all addresses within a window before it is slowed. Past the ceiling the
 * account is not refused: one attempt per {@code trickle} is admitted, whichever address asks first, because
 * refusing outright would let anyone lock any account, its owner out, with guesses from elsewhere.
 */
record AccountCeiling(FailureBudget budget, Duration trickle) {

    AccountCeiling {
        if (trickle.isNegative() || trickle.isZero() || trickle.compareTo(budget.window()) > 0) {
            throw new IllegalArgumentException("the trickle of a slowed account must be positive and within its window");
        }
    }

    /**
     * @param failures the account's failures counted in the current window
     * @param slotRemainingMillis how long the attempt last admitted past the ceiling still holds the account's slot
     *                            ({@code PTTL}); zero or negative when the slot is free
     */
    FailureBudget.Verdict assess(long failures, long slotRemainingMillis) {
        if (budget.allows(failures) || slotRemainingMillis <= 0) {
            return FailureBudget.Verdict.ALLOWED;
        }
        return FailureBudget.Verdict.blockedFor(FailureBudget.rest(trickle, slotRemainingMillis));
    }
}

package io.shopscale.identity.login;

import java.time.Duration;

/**
 * How many failed logins a key (an account from one address, or an address) may have within a window: a fixed window
 * that opens with the first counted attempt and closes {@code window} later. Attempts are counted when they are
 * admitted, before the password is checked, so the count includes attempts still in flight. The arithmetic is kept
 * apart from Redis so it can be checked on its own; the reservation script applies the same rule.
 */
record FailureBudget(int maxFailures, Duration window) {

    FailureBudget {
        if (maxFailures < 1 || window.toMillis() < 1_000) {
            throw new IllegalArgumentException("a failure budget needs at least one failure and one second");
        }
    }

    boolean allows(long failures) {
        return failures < maxFailures;
    }

    /**
     * @param failures the failures counted in the current window
     * @param remainingMillis the window's remaining time as Redis reports it ({@code PTTL}); zero or negative when
     *                        unknown, which counts as a whole window
     */
    Verdict assess(long failures, long remainingMillis) {
        return allows(failures) ? Verdict.ALLOWED : Verdict.blockedFor(rest(window, remainingMillis));
    }

    /**
     * What is left of a period, in whole seconds rounded up (a client that waits Retry-After seconds must find the
     * period over), at least one second and never more than the period itself.
     */
    static Duration rest(Duration period, long remainingMillis) {
        long millis = remainingMillis > 0 ? Math.min(remainingMillis, period.toMillis()) : period.toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1_000));
    }

    /** Whether a login may be attempted, and if not, how long until it may. */
    record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        static Verdict blockedFor(Duration retryAfter) {
            return new Verdict(false, retryAfter);
        }

        /** Both must allow; when both block, the longer wait wins. */
        Verdict and(Verdict other) {
            if (allowed) {
                return other;
            }
            if (other.allowed) {
                return this;
            }
            return retryAfter.compareTo(other.retryAfter) >= 0 ? this : other;
        }
    }
}

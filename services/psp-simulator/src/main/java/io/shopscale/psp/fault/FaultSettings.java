package io.shopscale.psp.fault;

import java.time.Duration;

/**
 * How the simulated provider misbehaves. A charge is declined, fails, times out or succeeds: the rates are the
 * probabilities of the first three, so together they cannot exceed 1.
 *
 * @param latency base delay before a charge is answered
 * @param jitter at most this much is added to {@code latency}, drawn per charge
 * @param declineRate share of charges answered 402 (nothing charged)
 * @param errorRate share of charges answered 500 (nothing charged)
 * @param timeoutRate share of charges made but never answered
 * @param hang how long such an unanswered request is held open
 * @param outage true: the charge port refuses connections
 * @param seed null: outcomes are random; otherwise they follow from (seed, idempotency key) alone
 */
public record FaultSettings(Duration latency, Duration jitter, double declineRate, double errorRate,
                            double timeoutRate, Duration hang, boolean outage, Long seed) {

    /** Longer delays are typos; the bound also keeps every delay far from overflowing when added up. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    /** A well-behaved provider: what a setting left out of a replacement (or set to null) comes back to. */
    public static final FaultSettings DEFAULTS =
            new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 0, 0, Duration.ofSeconds(60), false, null);

    public FaultSettings {
        requireDuration("latency", latency);
        requireDuration("jitter", jitter);
        requireDuration("hang", hang);
        requireRate("declineRate", declineRate);
        requireRate("errorRate", errorRate);
        requireRate("timeoutRate", timeoutRate);
        // A little slack, so that 0.7 + 0.2 + 0.1 (1.0000000000000002 in binary) is accepted.
        if (declineRate + errorRate + timeoutRate > 1 + 1e-9) {
            throw new InvalidSettingException("declineRate",
                    "declineRate + errorRate + timeoutRate must not exceed 1 (a charge has one outcome).");
        }
    }

    private static void requireDuration(String name, Duration value) {
        if (value == null || value.isNegative() || value.compareTo(MAX_DURATION) > 0) {
            throw new InvalidSettingException(name, name + " must be a duration between 0 and 1h, e.g. \"250ms\".");
        }
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidSettingException(name, name + " must be a number between 0 and 1.");
        }
    }
}

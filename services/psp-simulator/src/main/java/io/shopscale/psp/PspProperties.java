package io.shopscale.psp;

import io.shopscale.psp.fault.FaultSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's start-up configuration. The failure knobs are only where it starts: the admin API changes them
 * while it runs, and its reset comes back to these values.
 *
 * @param latency base delay before a charge is answered
 * @param jitter at most this much is added to {@code latency}, drawn per charge
 * @param declineRate share of charges answered 402
 * @param errorRate share of charges answered 500 without charging
 * @param timeoutRate share of charges made but never answered
 * @param hang how long a charge that "times out" holds its request open
 * @param outage whether the charge port refuses connections from the start
 * @param seed when set, each charge's outcome follows from (seed, idempotency key) alone; otherwise it is random
 * @param maxCharges the most charges kept; beyond it the oldest are forgotten (and counted), see {@code Charges}
 */
@ConfigurationProperties("shopscale.psp")
public record PspProperties(
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("0ms") Duration jitter,
        @DefaultValue("0") double declineRate,
        @DefaultValue("0") double errorRate,
        @DefaultValue("0") double timeoutRate,
        @DefaultValue("60s") Duration hang,
        @DefaultValue("false") boolean outage,
        Long seed,
        @DefaultValue("100000") int maxCharges,
        @DefaultValue Idempotency idempotency) {

    /**
     * @param retention how long a key is remembered (Stripe: 24 h); a retry comes within minutes, not days
     * @param maxKeys the most keys remembered at once, oldest forgotten first, so a long load test cannot exhaust
     *        the heap (each key holds its request and response, about 1 KB)
     */
    public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("50000") int maxKeys) {
    }

    public FaultSettings faults() {
        return new FaultSettings(latency, jitter, declineRate, errorRate, timeoutRate, hang, outage, seed);
    }
}

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
 * @param admin who may use the admin API
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
        @DefaultValue Idempotency idempotency,
        @DefaultValue Admin admin) {

    /**
     * @param retention how long a key is remembered (Stripe: 24 h); a retry comes within minutes, not days
     * @param maxKeys the most keys remembered at once, oldest forgotten first, so a long load test cannot exhaust
     *        the heap (each key holds its request and response, about 1 KB)
     */
    public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("50000") int maxKeys) {
    }

    /**
     * @param token what every admin request must present as {@code Authorization: Bearer <token>}; the launcher
     *        generates one per platform (from {@code SHOPSCALE_PSP_ADMIN_TOKEN})
     * @param requireToken false lets anyone use the admin API without a token: for tests on a machine of one's own
     *        only, since the admin API can wipe the ledger that audits trust
     */
    public record Admin(String token, @DefaultValue("true") boolean requireToken) {

        /** Long enough that guessing is hopeless; the launcher's tokens have 43 characters. */
        public static final int MIN_TOKEN_LENGTH = 32;

        public Admin {
            if (requireToken && (token == null || token.strip().length() < MIN_TOKEN_LENGTH)) {
                throw new IllegalArgumentException("shopscale.psp.admin.token (SHOPSCALE_PSP_ADMIN_TOKEN) must be set, "
                        + "at least " + MIN_TOKEN_LENGTH + " characters: the admin API can change the faults and wipe "
                        + "the ledger. ./shopscale up generates one; to run without, set "
                        + "shopscale.psp.admin.require-token=false (tests only).");
            }
        }
    }

    public FaultSettings faults() {
        return new FaultSettings(latency, jitter, declineRate, errorRate, timeoutRate, hang, outage, seed);
    }
}

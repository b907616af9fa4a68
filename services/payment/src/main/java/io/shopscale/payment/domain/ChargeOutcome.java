package io.shopscale.payment.domain;

/**
 * What one charge request came to, sorted by what it means for the money: charged, certainly not charged, or not
 * known.
 */
public sealed interface ChargeOutcome {

    /** The provider charged; {@code chargeId} is its id for the charge. */
    record Charged(String chargeId) implements ChargeOutcome {
    }

    /** The provider declined (402) with its code. Nothing was charged, and asking again changes nothing. */
    record Declined(String code) implements ChargeOutcome {
    }

    /** The provider refused the request itself (400): bad parameters, or the key reused with others. Final. */
    record Rejected(String code) implements ChargeOutcome {
    }

    /**
     * The provider failed internally (500). Nothing was charged, but the provider keeps that answer under the key
     * and replays it, so the key is spent: the next try looks up the order's charges and then uses a new key.
     */
    record KeySpent(String detail) implements ChargeOutcome {
    }

    /**
     * The request may have reached the provider, but no answer said what happened: a timeout, a broken connection,
     * 409 (the same key still in flight), 502-504. Asking again with the same key is safe; the provider answers
     * with the first result.
     */
    record Unknown(String detail) implements ChargeOutcome {
    }

    /** The request never reached the provider (no connection, circuit open, no free slot) or was throttled. */
    record NotSent(String detail) implements ChargeOutcome {
    }
}

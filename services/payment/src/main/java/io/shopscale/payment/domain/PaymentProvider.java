package io.shopscale.payment.domain;

import java.time.Duration;
import java.util.UUID;

/**
 * The external payment provider. Implementations bound every call in time, retry what is safe to retry under the
 * same key, and record each call made as an {@link Attempt}; they answer with outcomes, not exceptions. A charge's
 * outcome covers all of its calls: if one of them went unanswered and no later one said what became of the key,
 * the outcome is {@link ChargeOutcome.Unknown}.
 */
public interface PaymentProvider {

    ChargeOutcome charge(ChargeRequest request);

    /** The succeeded charges the provider holds for the order. */
    Reconciliation lookUp(PaymentId paymentId, UUID orderId);

    /** Refunds a whole charge. No deadline applies: a refund is owed for as long as it takes. */
    RefundOutcome refund(RefundRequest request);

    /** The longest a charge, a lookup or a refund can take, all its retries included. */
    Duration longestCall();
}

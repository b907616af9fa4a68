package io.shopscale.payment.domain;

import java.time.Instant;
import java.util.List;

/** Where charges owed back are kept until refunded. Implementations join the caller's transaction. */
public interface ExtraCharges {

    /** Records a charge to be refunded, due at once; false if it was known already. */
    boolean add(String chargeId, Payment payment, Instant foundAt);

    /**
     * Claims up to {@code limit} charges whose refund is due, counting an attempt for each; other claims skip them
     * until {@code leasedUntil}.
     */
    List<ExtraCharge> claimDue(Instant now, int limit, Instant leasedUntil);

    void refunded(String chargeId, String refundId, Instant at);

    /** The refund got no confirmation: asked again at {@code nextAttemptAt}. */
    void retryAt(String chargeId, Instant nextAttemptAt);

    /** How many charges are still owed back. */
    long owed();
}

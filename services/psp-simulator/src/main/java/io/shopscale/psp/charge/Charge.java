package io.shopscale.psp.charge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A charge the provider made. Only successful charges exist: a declined or failed request charges nothing. Once
 * refunded, its status is "refunded", so that whoever counts the charges that stand (status "succeeded") no longer
 * counts it.
 *
 * @param refund null until the charge is refunded; shown only by its id
 */
@JsonPropertyOrder({"id", "status", "amount", "currency", "customer", "orderRef", "created", "refunded", "refundId"})
record Charge(String id, long amount, String currency, String customer, String orderRef, Instant created,
              @JsonIgnore Refund refund) {

    Charge(String id, long amount, String currency, String customer, String orderRef, Instant created) {
        this(id, amount, currency, customer, orderRef, created, null);
    }

    @JsonProperty("status")
    String status() {
        return refunded() ? "refunded" : "succeeded";
    }

    @JsonProperty("refunded")
    boolean refunded() {
        return refund != null;
    }

    @JsonProperty("refundId")
    String refundId() {
        return refund == null ? null : refund.id();
    }

    /** This charge refunded by {@code refund}; a charge is refunded at most once. */
    Charge refundedBy(Refund refund) {
        if (refunded()) {
            throw new IllegalStateException("charge " + id + " is already refunded");
        }
        return new Charge(id, amount, currency, customer, orderRef, created, refund);
    }
}

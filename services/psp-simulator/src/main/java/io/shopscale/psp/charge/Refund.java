package io.shopscale.psp.charge;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A refund the provider made: always of the whole charge, and at most one per charge. Only successful refunds exist.
 *
 * @param charge the id of the charge refunded
 * @param amount the charge's whole amount, in its currency's minor units
 */
@JsonPropertyOrder({"id", "charge", "amount", "status", "created"})
record Refund(String id, String charge, long amount, Instant created) {

    @JsonProperty("status")
    String status() {
        return "succeeded";
    }
}

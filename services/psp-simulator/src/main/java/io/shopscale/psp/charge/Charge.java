package io.shopscale.psp.charge;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** A charge the provider made. Only successful charges exist: a declined or failed request charges nothing. */
@JsonPropertyOrder({"id", "status", "amount", "currency", "customer", "orderRef", "created"})
record Charge(String id, long amount, String currency, String customer, String orderRef, Instant created) {

    @JsonProperty("status")
    String status() {
        return "succeeded";
    }
}

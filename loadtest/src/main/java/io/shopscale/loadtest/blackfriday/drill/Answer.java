package io.shopscale.loadtest.blackfriday.drill;

import java.time.Instant;

import io.shopscale.loadtest.blackfriday.traffic.Endpoint;

/** One request's end, on the wall clock the fault's timeline uses. */
public record Answer(Endpoint endpoint, String outcome, Instant at) {

    /** A checkout the shop accepted: a 202 to a checkout or to a checkout sent again. */
    boolean acceptedCheckout() {
        return isCheckout() && outcome.equals("202");
    }

    boolean isCheckout() {
        return endpoint == Endpoint.CHECKOUT || endpoint == Endpoint.CHECKOUT_RESEND
                || endpoint == Endpoint.FLASH_CHECKOUT;
    }
}

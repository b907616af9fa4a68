package io.shopscale.psp.charge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client asks to refund: a whole charge. Its equality is what "the same parameters" means for an idempotency
 * key.
 *
 * @param charge the id of the charge to refund
 * @param amount optional; when given it must be the charge's whole amount, since partial refunds are not simulated
 */
record RefundRequest(@NotBlank @Size(max = MAX_ID) String charge, Long amount) {

    static final int MAX_ID = 255;
}

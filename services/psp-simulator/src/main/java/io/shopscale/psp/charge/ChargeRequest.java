package io.shopscale.psp.charge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a client asks to charge. Its equality is what "the same parameters" means for an idempotency key.
 *
 * @param amount minor units of {@code currency}; bounded so that no sum of charges can overflow
 * @param orderRef the client's reference for what is paid, by which charges are listed
 */
record ChargeRequest(
        @NotNull @Positive @Max(value = MAX_AMOUNT, message = "must be at most 999999999999") Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in upper case")
        String currency,
        @NotBlank @Size(max = MAX_TEXT) String customer,
        @NotBlank @Size(max = MAX_TEXT) String orderRef) {

    static final long MAX_AMOUNT = 999_999_999_999L;
    static final int MAX_TEXT = 255;
}

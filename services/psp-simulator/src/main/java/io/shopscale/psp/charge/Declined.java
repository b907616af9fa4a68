package io.shopscale.psp.charge;

/** The body of a 402: the provider refused to charge, and why. */
record Declined(String status, String code) {

    Declined(String code) {
        this("declined", code);
    }
}

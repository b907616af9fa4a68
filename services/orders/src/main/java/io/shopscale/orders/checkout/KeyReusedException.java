package io.shopscale.orders.checkout;

/** The idempotency key was used before for a different request body. */
class KeyReusedException extends RuntimeException {

    KeyReusedException() {
        super("This Idempotency-Key was already used for a different request; use a new key for a new order.");
    }
}

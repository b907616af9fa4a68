package io.shopscale.orders.checkout;

/** A request with the same idempotency key is still being processed. */
class KeyInFlightException extends RuntimeException {

    KeyInFlightException() {
        super("A request with this Idempotency-Key is still being processed; retry shortly to get its answer.");
    }
}

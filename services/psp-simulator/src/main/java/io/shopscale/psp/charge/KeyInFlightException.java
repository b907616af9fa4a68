package io.shopscale.psp.charge;

/** A request came with a key whose first request is still being processed. */
class KeyInFlightException extends RuntimeException {

    KeyInFlightException() {
        super("A request with this Idempotency-Key is still being processed; retry shortly.");
    }
}

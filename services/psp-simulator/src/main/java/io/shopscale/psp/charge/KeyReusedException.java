package io.shopscale.psp.charge;

/** A request came with a key first used with other parameters. */
class KeyReusedException extends RuntimeException {

    KeyReusedException() {
        super("This Idempotency-Key was already used with other parameters; use a new key for a new request.");
    }
}

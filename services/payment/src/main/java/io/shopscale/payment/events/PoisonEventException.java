package io.shopscale.payment.events;

/** A record that can never be applied however often it is retried: it goes straight to the dead-letter topic. */
class PoisonEventException extends RuntimeException {

    PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    PoisonEventException(String message) {
        super(message);
    }
}

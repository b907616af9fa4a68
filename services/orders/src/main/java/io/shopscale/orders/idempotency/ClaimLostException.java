package io.shopscale.orders.idempotency;

/** Another request took over this idempotency key while the first was still working on it. */
public class ClaimLostException extends RuntimeException {

    ClaimLostException() {
        super("The idempotency key was taken over by another request.");
    }
}

package io.shopscale.orders.checkout;

/** More checkouts arrived at once than could start within the admission wait; nothing was done. */
class CheckoutBusyException extends RuntimeException {

    CheckoutBusyException() {
        super("Too many checkouts are in progress right now; nothing was ordered. Try again in a moment.");
    }
}

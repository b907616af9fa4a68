package io.shopscale.cart.cart;

/** Redis cannot be reached or did not answer in time; the request may well succeed if repeated shortly. */
class CartUnavailableException extends RuntimeException {

    CartUnavailableException(Throwable cause) {
        super("The cart store is unavailable", cause);
    }
}

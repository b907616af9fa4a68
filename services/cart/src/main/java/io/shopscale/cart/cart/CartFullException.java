package io.shopscale.cart.cart;

/** A new line was refused because the cart already holds the most lines it may. */
class CartFullException extends RuntimeException {

    private final int maxLines;

    CartFullException(int maxLines) {
        super("The cart already holds " + maxLines + " different items; remove one before adding another.");
        this.maxLines = maxLines;
    }

    int maxLines() {
        return maxLines;
    }
}

package io.shopscale.cart.cart;

/** One line of a cart. */
record CartItem(String sku, int quantity) {

    static final int MIN_QUANTITY = 1;
    static final int MAX_QUANTITY = 99;
}

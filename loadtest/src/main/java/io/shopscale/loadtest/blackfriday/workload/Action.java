package io.shopscale.loadtest.blackfriday.workload;

/** What an arriving shopper does. */
public enum Action {
    SEARCH, PRODUCT, STOCK, CART_PUT, CART_VIEW, CHECKOUT, FLASH_CHECKOUT
}

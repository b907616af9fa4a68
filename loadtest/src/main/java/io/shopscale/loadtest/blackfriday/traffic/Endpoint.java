package io.shopscale.loadtest.blackfriday.traffic;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import io.shopscale.loadtest.blackfriday.workload.Action;

/**
 * What the report names each kind of request, which answers it measures the latency of, and which answers are a
 * normal outcome rather than an error. A 409 at checkout means out of stock (or, for a resend, the first attempt is
 * still being processed): the shop said no, correctly. Only measured answers enter the percentiles, so a fast refusal
 * cannot flatter a checkout's p99; a flash-sale checkout measures both, because under a flash sale the refusal is
 * the answer most shoppers wait for.
 */
public enum Endpoint {

    SEARCH("search", "GET /api/products?q=", Set.of("200")),
    PRODUCT("product", "GET /api/products/{id}", Set.of("200", "304")),
    STOCK("stock", "GET /api/inventory/{sku}", Set.of("200")),
    CART_PUT("cart-put", "PUT /api/cart/items/{sku}", Set.of("200")),
    CART("cart", "GET /api/cart", Set.of("200")),
    CHECKOUT("checkout", "POST /api/orders", Set.of("202"), "409"),
    FLASH_CHECKOUT("flash-checkout", "POST /api/orders, one hot SKU", Set.of("202", "409")),
    CHECKOUT_RESEND("checkout-resend", "POST /api/orders again, same Idempotency-Key", Set.of("202"), "409"),
    ORDER("order", "GET /api/orders/{id}", Set.of("200")),
    LOGIN("login", "POST /api/auth/login (token renewal)", Set.of("200"));

    private final String label;
    private final String request;
    private final Set<String> measured;
    private final Set<String> refusals;

    Endpoint(String label, String request, Set<String> measured, String... refusals) {
        this.label = label;
        this.request = request;
        this.measured = measured;
        this.refusals = Set.of(refusals);
    }

    public String label() {
        return label;
    }

    public String request() {
        return request;
    }

    /** Outcomes whose latency is recorded. */
    public Set<String> measured() {
        return measured;
    }

    /** Whether {@code outcome} (a status code, "timeout", "io-error" or "dropped") counts as an error. */
    public boolean isError(String outcome) {
        return !measured.contains(outcome) && !refusals.contains(outcome);
    }

    public static Endpoint of(Action action) {
        return switch (action) {
            case SEARCH -> SEARCH;
            case PRODUCT -> PRODUCT;
            case STOCK -> STOCK;
            case CART_PUT -> CART_PUT;
            case CART_VIEW -> CART;
            case CHECKOUT -> CHECKOUT;
            case FLASH_CHECKOUT -> FLASH_CHECKOUT;
        };
    }

    public static Optional<Endpoint> labelled(String label) {
        return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst();
    }
}

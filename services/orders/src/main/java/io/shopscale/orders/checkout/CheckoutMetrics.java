package io.shopscale.orders.checkout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts checkouts by outcome ({@code orders.checkouts{outcome=...}}). */
@Component
class CheckoutMetrics {

    private final Counter accepted;
    private final Counter outOfStock;
    private final Counter unknownSku;
    private final Counter replayed;
    private final Counter conflict;
    private final Counter keyReused;
    private final Counter unavailable;

    CheckoutMetrics(MeterRegistry meters) {
        this.accepted = counter(meters, "accepted");
        this.outOfStock = counter(meters, "out_of_stock");
        this.unknownSku = counter(meters, "unknown_sku");
        this.replayed = counter(meters, "replayed");
        this.conflict = counter(meters, "conflict");
        this.keyReused = counter(meters, "key_reused");
        this.unavailable = counter(meters, "unavailable");
    }

    void accepted() {
        accepted.increment();
    }

    void outOfStock() {
        outOfStock.increment();
    }

    void unknownSku() {
        unknownSku.increment();
    }

    void replayed() {
        replayed.increment();
    }

    void conflict() {
        conflict.increment();
    }

    void keyReused() {
        keyReused.increment();
    }

    void unavailable() {
        unavailable.increment();
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("orders.checkouts")
                .description("Checkout requests by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}

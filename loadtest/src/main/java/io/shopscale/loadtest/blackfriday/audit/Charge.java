package io.shopscale.loadtest.blackfriday.audit;

/** A charge as the payment provider keeps it; {@code orderRef} names the order it pays for. */
public record Charge(String id, String status, long amount, String currency, String orderRef) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}

package io.shopscale.loadtest.blackfriday.audit;

/**
 * A charge as the payment provider keeps it; {@code orderRef} names the order it pays for. The provider lists a
 * refunded charge too, with the status {@code refunded}: the money was taken and given back.
 */
public record Charge(String id, String status, long amount, String currency, String orderRef) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean refunded() {
        return "refunded".equals(status);
    }
}

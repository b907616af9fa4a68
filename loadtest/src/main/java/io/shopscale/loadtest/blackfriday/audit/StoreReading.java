package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the platform's stores hold about a run, read at one moment: stock from inventory; orders, the lines of the
 * confirmed ones and the shoppers' Idempotency-Keys answered 202 from orders; reservations from inventory; payments
 * and the extra charges they found from payment.
 *
 * @param confirmedLines the lines of every {@code CONFIRMED} order among {@code orders}
 */
public record StoreReading(Map<String, StockLevel> stock, List<OrderRecord> orders, List<Line> confirmedLines,
        List<Reservation> reservations, List<Payment> payments, List<ExtraCharge> extraCharges,
        List<AcceptedKey> acceptedKeys) {

    public StoreReading {
        stock = Map.copyOf(stock);
        orders = List.copyOf(orders);
        confirmedLines = List.copyOf(confirmedLines);
        reservations = List.copyOf(reservations);
        payments = List.copyOf(payments);
        extraCharges = List.copyOf(extraCharges);
        acceptedKeys = List.copyOf(acceptedKeys);
    }

    /** One row of {@code orders.order_line}. */
    public record Line(UUID orderId, String sku, int quantity) {
    }

    /** One row of {@code inventory.reservation}: its id is its order's. */
    public record Reservation(UUID orderId, String state) {

        public static final String RESERVED = "RESERVED";
        public static final String CONFIRMED = "CONFIRMED";
    }

    /**
     * One row of {@code payments.payment}, one per order.
     *
     * @param chargeId the charge payment recorded, kept while and after it is refunded; null if none
     */
    public record Payment(UUID orderId, String status, String chargeId) {

        public static final String PENDING = "PENDING";
        public static final String SUCCEEDED = "SUCCEEDED";
        public static final String REFUNDING = "REFUNDING";
        public static final String REFUNDED = "REFUNDED";
    }

    /** One row of {@code payments.extra_charge}: a charge beyond the recorded one, owed back until refunded. */
    public record ExtraCharge(String chargeId, UUID orderId, boolean refunded) {
    }

    /** An Idempotency-Key of {@code orders.idempotency_key} whose stored answer is 202, with the order it made. */
    public record AcceptedKey(String userId, String key, UUID orderId) {
    }
}

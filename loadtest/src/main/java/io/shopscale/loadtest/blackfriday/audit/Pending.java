package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What the run left still in motion: orders waiting for payment, reservations of finished orders whose release or
 * confirmation has not arrived, payments not yet charged or refunded, and extra charges still owed back. The audit
 * starts once all are zero, because until then a correct platform and a broken one look alike.
 */
public record Pending(long orders, long reservations, long payments, long extraCharges) {

    public long total() {
        return orders + reservations + payments + extraCharges;
    }

    /** Only what is not zero, e.g. "3 orders PENDING_PAYMENT, 1 extra charge not refunded"; "nothing" if all are. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, orders, "order", "orders", "PENDING_PAYMENT");
        add(parts, reservations, "reservation", "reservations", "of a finished order still RESERVED");
        add(parts, payments, "payment", "payments", "PENDING or REFUNDING");
        add(parts, extraCharges, "extra charge", "extra charges", "not refunded");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void add(List<String> parts, long count, String one, String many, String what) {
        if (count != 0) {
            parts.add(count + " " + (count == 1 ? one : many) + " " + what);
        }
    }
}

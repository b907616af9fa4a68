package io.shopscale.loadtest.blackfriday.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * What the platform still has to do for a run once its load has ended, as the stores say: orders not yet final,
 * events in the two outboxes not yet on Kafka, payments still to charge or refund, extra charges still owed back,
 * reservations that inventory still holds for orders that are already final, and reservations made for checkouts
 * that a fault cut off before their order was stored (orders gives those back within about a minute).
 */
record Backlog(long pendingOrders, long orderEvents, long paymentEvents, long openPayments, long extraCharges,
        long heldReservations, long abandonedReservations) {

    boolean empty() {
        return pendingOrders + orderEvents + paymentEvents + openPayments + extraCharges + heldReservations
                + abandonedReservations == 0;
    }

    /** In words, the parts that are not empty; "nothing" when all are. */
    String describe() {
        List<String> parts = new ArrayList<>();
        part(parts, pendingOrders, "orders PENDING_PAYMENT");
        part(parts, orderEvents, "order events not yet on Kafka");
        part(parts, paymentEvents, "payment events not yet on Kafka");
        part(parts, openPayments, "payments still to charge or refund");
        part(parts, extraCharges, "extra charges still to refund");
        part(parts, heldReservations, "reservations still held for final orders");
        part(parts, abandonedReservations, "reservations still held for checkouts cut off before their order");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void part(List<String> parts, long count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }
}

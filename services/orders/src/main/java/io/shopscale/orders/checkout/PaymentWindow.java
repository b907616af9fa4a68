package io.shopscale.orders.checkout;

import io.shopscale.platform.checkout.CheckoutTimings;
import java.time.Duration;
import java.time.Instant;

/**
 * When an order must be paid by. The payment timeout runs from the moment its stock was reserved, not from the
 * moment the order is stored: a checkout retried under the same key minutes later gets the earlier attempt's
 * reservation back, with its original expiry, and the order must not outlive it. The deadline therefore never
 * passes the reservation's expiry less the confirmation window (the time {@code order.confirmed} has to reach
 * inventory).
 */
final class PaymentWindow {

    private final CheckoutTimings timings;

    PaymentWindow(CheckoutTimings timings) {
        this.timings = timings;
    }

    Instant deadline(Instant now, Instant reservationExpiresAt) {
        Instant byReservation = reservationExpiresAt.minus(timings.confirmationWindow());
        Instant byTimeout = now.plus(timings.paymentTimeout());
        return byReservation.isBefore(byTimeout) ? byReservation : byTimeout;
    }

    /**
     * Whether a reservation still leaves the order a fair time to be paid: at least half the payment timeout. An
     * older one is given back and the checkout starts over with a fresh reservation.
     */
    boolean leavesTimeToPay(Instant now, Instant reservationExpiresAt) {
        Duration left = Duration.between(now, deadline(now, reservationExpiresAt));
        return left.compareTo(timings.paymentTimeout().dividedBy(2)) >= 0;
    }
}

package io.shopscale.inventory.reservation;

/** How a release or confirm ended. */
public sealed interface Transition {

    /** The reservation is now in {@code state}; {@code changed} is false when it already was (a repeated call). */
    record Done(ReservationState state, boolean changed) implements Transition {
    }

    /** The reservation's state forbids the move (confirming a released one, releasing a sold one). */
    record Refused(ReservationState state) implements Transition {
    }

    /** No reservation was ever made under the order id. */
    record Missing() implements Transition {
    }
}

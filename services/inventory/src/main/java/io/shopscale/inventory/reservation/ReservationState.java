package io.shopscale.inventory.reservation;

/** Where a reservation stands. Only {@code RESERVED} holds stock; the other three are final. */
public enum ReservationState {
    RESERVED,
    CONFIRMED,
    RELEASED,
    EXPIRED;

    boolean ended() {
        return this == RELEASED || this == EXPIRED;
    }
}

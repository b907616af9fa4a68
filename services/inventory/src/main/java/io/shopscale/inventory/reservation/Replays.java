package io.shopscale.inventory.reservation;

import org.springframework.stereotype.Component;

/**
 * Answers a reserve call whose order id already holds a reservation, from what is stored: the same lines are the
 * same reservation, other lines a conflict, and an ended reservation stays ended. Called inside the transaction
 * whose claim of the order id found the row.
 */
@Component
class Replays {

    private final ReservationRepository repository;

    Replays(ReservationRepository repository) {
        this.repository = repository;
    }

    ReserveOutcome answer(ReserveCommand command) {
        var stored = repository.find(command.orderId()).orElseThrow();
        if (!repository.lines(command.orderId()).equals(command.lines())) {
            return new ReserveOutcome.LinesDiffer();
        }
        if (stored.state().ended()) {
            return new ReserveOutcome.Ended(stored.state());
        }
        return new ReserveOutcome.Reserved(stored.expiresAt(), true);
    }
}

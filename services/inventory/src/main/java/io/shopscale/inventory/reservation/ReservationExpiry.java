package io.shopscale.inventory.reservation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the stock of unconfirmed reservations back once they are due, so an order that crashed between reserve and
 * confirm never leaks stock. Every instance runs it; {@code SKIP LOCKED} splits the due rows between them.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    // Bounds one run, so a huge backlog cannot keep a scheduler thread busy for long.
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final Reservations reservations;

    ReservationExpiry(Reservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(initialDelayString = "${shopscale.inventory.expiry-interval:5s}",
            fixedDelayString = "${shopscale.inventory.expiry-interval:5s}")
    void run() {
        try {
            int total = 0;
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                int expired = reservations.expireDue();
                total += expired;
                if (expired == 0) {
                    break;
                }
            }
            if (total > 0) {
                log.info("expired {} unconfirmed reservations and gave their stock back", total);
            }
        } catch (RuntimeException e) {
            // The next run tries again; nothing was half done, each batch is one transaction.
            log.warn("expiring reservations failed: {}", e.getMessage());
        }
    }
}

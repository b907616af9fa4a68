package io.shopscale.orders.checkout;

import io.shopscale.orders.idempotency.AbandonedClaim;
import io.shopscale.orders.idempotency.IdempotencyKeys;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of checkouts that were abandoned half-way: the instance died between reserving and storing,
 * PostgreSQL went away before the order could be stored, or inventory's answer was lost, and the client never
 * retried. Their claims stay in flight with no order, while inventory would hold the stock until the reservation
 * expires (15 minutes). Once a claim has been idle past its lock and a grace, its reservation is released and the
 * claim forgotten, so a late retry starts afresh. A retry that races this finds its reservation released and
 * reserves under a new order id; the claim's order id guards the rest, so no order is ever stored on stock given
 * back. Any instance may run it.
 */
@Component
class AbandonedCheckouts {

    private static final Logger log = LoggerFactory.getLogger(AbandonedCheckouts.class);
    private static final int BATCH = 100;

    private final IdempotencyKeys keys;
    private final StockReservations reservations;
    private final Duration idle;

    AbandonedCheckouts(IdempotencyKeys keys, StockReservations reservations,
                       @Value("${shopscale.orders.idempotency.abandoned-after:15s}") Duration idle) {
        this.keys = keys;
        this.reservations = reservations;
        this.idle = idle;
    }

    @Scheduled(fixedDelayString = "${shopscale.orders.idempotency.abandoned-interval:10s}", initialDelay = 10_000)
    void releaseAbandoned() {
        try {
            List<AbandonedClaim> abandoned = keys.abandoned(idle, BATCH);
            int released = 0;
            for (AbandonedClaim claim : abandoned) {
                if (!reservations.release(claim.orderId())) {
                    log.error("abandoned checkout {} has a sold reservation but no order; left for an operator",
                            claim.orderId());
                    continue;
                }
                if (keys.forget(claim)) {
                    released++;
                }
            }
            if (released > 0) {
                log.info("gave back the stock of {} abandoned checkouts", released);
            }
        } catch (RuntimeException e) {
            log.warn("could not give back the stock of abandoned checkouts: {}", e.getMessage());
        }
    }
}

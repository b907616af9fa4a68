package io.shopscale.orders.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys once their retention has passed; any instance may run it, it is one DELETE. */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;

    IdempotencyKeyCleanup(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(fixedDelayString = "${shopscale.orders.idempotency.cleanup-interval:15m}", initialDelay = 60_000)
    void deleteExpired() {
        try {
            int deleted = keys.deleteExpired();
            if (deleted > 0) {
                log.info("deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("could not delete expired idempotency keys: {}", e.getMessage());
        }
    }
}

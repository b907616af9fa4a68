package io.shopscale.payment.charging;

import io.shopscale.payment.domain.PaymentProvider;
import io.shopscale.payment.domain.Payments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds due payments (to be charged, or refunded) to a bounded set of workers. Each poll claims only as many payments
 * as there are free workers (claims skip rows other instances hold, so instances share the work without overlap) and
 * hands each to a virtual thread of its own. Provider calls therefore never run on the poller, the Kafka listener or a request
 * thread, and hold no database connection while they wait.
 */
@Component
class ChargingWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChargingWorker.class);

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Payments payments;
    private final ChargeCycle cycle;
    private final Clock clock;
    private final Duration lease;
    private final Workers workers;

    ChargingWorker(Payments payments, ChargeCycle cycle, ChargingProperties properties, PaymentProvider provider,
                   Clock clock) {
        // One go at a payment is at most a lookup and a charge; the lease must outlast it by far, or another
        // instance could take the payment over while its charge is still under way.
        Duration longestGo = provider.longestCall().multipliedBy(2);
        if (properties.lease().compareTo(longestGo) <= 0) {
            throw new IllegalStateException("shopscale.payment.charging.lease (" + properties.lease()
                    + ") must be longer than a lookup and a charge with all their retries (" + longestGo + ")");
        }
        this.payments = payments;
        this.cycle = cycle;
        this.clock = clock;
        this.lease = properties.lease();
        this.workers = new Workers("charging", properties.concurrency());
    }

    @Scheduled(fixedDelayString = "${shopscale.payment.charging.poll-interval:500ms}")
    void claimDuePayments() {
        int free = workers.free();
        if (free == 0) {
            return;
        }
        Instant now = clock.instant();
        List<Payments.Claim> claims;
        try {
            claims = payments.claimDue(now, free, now.plus(lease));
        } catch (RuntimeException e) {
            log.warn("could not claim due payments: {}", e.getMessage());
            return;
        }
        // Shutting down, a task is not started: its claim runs out and another instance takes the payment up.
        claims.forEach(claim -> workers.start(() -> work(claim)));
    }

    /**
     * Works on the claimed payment, then keeps claiming the next due one for as long as there is any: a backlog is
     * worked off at the workers' pace, not one batch per poll.
     */
    private void work(Payments.Claim first) {
        for (Payments.Claim claim = first; claim != null; claim = workers.stopping() ? null : claimNext()) {
            run(claim);
        }
    }

    private void run(Payments.Claim claim) {
        try {
            cycle.run(claim);
        } catch (RuntimeException e) {
            // The claim runs out and the payment is due again; its key is unchanged, so nothing is charged twice.
            log.warn("payment {} could not be worked on: {}", claim.payment().id(), e.toString());
        }
    }

    private Payments.Claim claimNext() {
        try {
            Instant now = clock.instant();
            List<Payments.Claim> next = payments.claimDue(now, 1, now.plus(lease));
            return next.isEmpty() ? null : next.getFirst();
        } catch (RuntimeException e) {
            log.warn("could not claim the next due payment: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        if (!workers.stop(SHUTDOWN_WAIT)) {
            log.warn("payments still being worked on at shutdown are taken up again once their claims run out");
        }
    }
}

package io.shopscale.payment.charging;

import io.shopscale.payment.domain.Cancellation;
import io.shopscale.payment.domain.Payment;
import io.shopscale.payment.domain.PaymentId;
import io.shopscale.payment.domain.PaymentStatus;
import io.shopscale.payment.domain.PaymentTerms;
import io.shopscale.payment.domain.Payments;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in work from order events, inside the caller's transaction (the one that records the event as processed):
 * it only writes down what is to be done, quickly; the workers call the provider. Each intake holds its order first,
 * so a placement and a cancellation of one order handled at the same moment (two instances during a rebalance, a
 * replayed dead letter) never both see the other as absent: a payment is never created after its order's
 * cancellation was recorded.
 */
@Component
public class PaymentIntake {

    private static final Logger log = LoggerFactory.getLogger(PaymentIntake.class);

    private final Payments payments;
    private final Clock clock;

    PaymentIntake(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /** A placed order is to be paid; its payment is due at once. Nothing changes if the order has one already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result requested(PaymentTerms terms) {
        payments.holdOrder(terms.orderId());
        Instant now = clock.instant();
        Payment payment = Payment.request(PaymentId.random(), terms, now);
        if (payments.isCancelled(terms.orderId())) {
            payment.cancelOrder(now, false);
        }
        if (!payments.add(payment)) {
            return Result.KNOWN;
        }
        return payment.status() == PaymentStatus.CANCELLED ? Result.CANCELLED : Result.RECORDED;
    }

    /**
     * The order was cancelled: its payment must never be charged from now on. A payment with a charge in flight,
     * possibly under way or in doubt is only marked; its worker settles it once the provider's answer is known, and
     * refunds a charge it finds. A payment that had succeeded has its charge refunded by the workers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result orderCancelled(UUID orderId, String reason) {
        payments.holdOrder(orderId);
        Instant now = clock.instant();
        payments.recordCancellation(orderId, reason, now);
        return payments.lockByOrder(orderId, now).map(held -> {
            Payment payment = held.payment();
            Cancellation cancellation = payment.cancelOrder(now, held.claimed());
            if (cancellation != Cancellation.UNCHANGED) {
                payments.save(payment, true);
            }
            if (cancellation == Cancellation.REFUNDING) {
                log.warn("order {} was cancelled after its payment succeeded; charge {} is refunded", orderId,
                        payment.chargeId());
            }
            return switch (cancellation) {
                case UNCHANGED -> Result.SETTLED;
                case CANCELLED -> Result.CANCELLED;
                case MARKED -> Result.MARKED;
                case REFUNDING -> Result.REFUNDING;
            };
        }).orElse(Result.NOT_YET_KNOWN);
    }

    public enum Result {
        /** A new payment, due now. */
        RECORDED,
        /** The order had its payment already. */
        KNOWN,
        /** The payment is cancelled and will never be charged. */
        CANCELLED,
        /** Charging has stopped; a charge in flight, possibly under way or in doubt is settled first. */
        MARKED,
        /** The payment had succeeded: its charge is refunded. */
        REFUNDING,
        /** The payment had ended before. */
        SETTLED,
        /** No payment yet: when order.placed arrives, it is recorded cancelled. */
        NOT_YET_KNOWN
    }
}

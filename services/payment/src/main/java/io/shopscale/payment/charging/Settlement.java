package io.shopscale.payment.charging;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.ExtraCharges;
import io.shopscale.payment.domain.FailureReason;
import io.shopscale.payment.domain.OutcomePublisher;
import io.shopscale.payment.domain.Payment;
import io.shopscale.payment.domain.PaymentStatus;
import io.shopscale.payment.domain.Payments;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import io.shopscale.payment.domain.Schedule;
import io.shopscale.payment.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what a provider answer did to a payment, and the event it raises, in one transaction. Only the worker
 * whose claim still holds the payment may move it, except for a charge: a charge the provider made is recorded
 * whoever learns of it, since the money was taken either way. A charge nobody will pay for raises no event: orders
 * has cancelled the order, or will on the payment's failure, and the charge is refunded.
 */
@Component
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final Payments payments;
    private final ExtraCharges extraCharges;
    private final OutcomePublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    Settlement(Payments payments, ExtraCharges extraCharges, OutcomePublisher publisher,
               TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.extraCharges = extraCharges;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    Optional<Settled> charged(Payments.Claim claim, ChargeOutcome outcome, Schedule schedule) {
        if (outcome instanceof ChargeOutcome.Charged charged) {
            return adopt(claim, List.of(charged.chargeId()));
        }
        return settle(claim, payment -> payment.charged(outcome, clock.instant(), schedule));
    }

    Optional<Settled> reconciled(Payments.Claim claim, Reconciliation found, Schedule schedule) {
        if (found instanceof Reconciliation.Charged charged) {
            if (charged.chargeIds().size() > 1) {
                log.error("order {} has {} succeeded charges at the provider: {}; all but one are refunded",
                        claim.payment().terms().orderId(), charged.chargeIds().size(), charged.chargeIds());
            }
            return adopt(claim, charged.chargeIds());
        }
        return settle(claim, payment -> payment.reconciled(found, clock.instant(), schedule));
    }

    Optional<Settled> refunded(Payments.Claim claim, RefundOutcome outcome, Schedule schedule) {
        Optional<Settled> settled = settle(claim, payment -> payment.refunded(outcome, clock.instant(), schedule));
        if (settled.isPresent()) {
            String result = switch (outcome) {
                case RefundOutcome.Refunded ignored -> "refunded";
                case RefundOutcome.Refused refused -> {
                    log.error("order {}: the provider refuses to refund charge {} ({}); asked again later, but it"
                                    + " needs looking into", claim.payment().terms().orderId(),
                            claim.payment().chargeId(), refused.code());
                    yield "refused";
                }
                case RefundOutcome.Unconfirmed ignored -> "unconfirmed";
            };
            meters.counter("payment.refunds", "outcome", result).increment();
        }
        return settled;
    }

    /** Applies a change if the claim still holds the payment; empty if another worker has taken it over. */
    Optional<Settled> settle(Payments.Claim claim, Function<Payment, Transition> change) {
        Optional<Settled> settled = transactions.execute(status ->
                payments.lockClaimed(claim.payment().id(), claim.lease())
                        .map(payment -> store(payment, change.apply(payment))));
        if (settled == null || settled.isEmpty()) {
            log.warn("payment {}: the claim ran out before its outcome was stored; the next worker takes over",
                    claim.payment().id());
            return Optional.empty();
        }
        counted(settled.get());
        return settled;
    }

    /**
     * Records the first of the order's charges on its payment (unless it has one). Every other charge is an extra one,
     * owed back: it is kept, in the same transaction, for {@link ExtraChargeRefunds} to refund.
     */
    private Optional<Settled> adopt(Payments.Claim claim, List<String> chargeIds) {
        Adopted adopted = transactions.execute(status -> {
            Payment payment = payments.lock(claim.payment().id()).orElseThrow();
            Instant now = clock.instant();
            Settled settled = store(payment, payment.adoptCharge(chargeIds.getFirst(), now));
            int added = 0;
            for (String chargeId : chargeIds) {
                if (!chargeId.equals(payment.chargeId()) && extraCharges.add(chargeId, payment, now)) {
                    added++;
                }
            }
            return new Adopted(settled, added);
        });
        // Counted once committed, and once per charge: a later lookup that lists the same charges adds nothing.
        meters.counter("payment.charges.duplicate").increment(adopted.newExtraCharges());
        counted(adopted.settled());
        return Optional.of(adopted.settled());
    }

    private Settled store(Payment payment, Transition transition) {
        payments.save(payment, transition instanceof Transition.ChargeNext);
        switch (transition) {
            case Transition.Succeeded ignored -> publisher.succeeded(payment);
            case Transition.Failed ignored -> publisher.failed(payment);
            default -> {
            }
        }
        return new Settled(payment, transition);
    }

    private void counted(Settled settled) {
        UUID order = settled.payment().terms().orderId();
        switch (settled.transition()) {
            case Transition.Succeeded ignored -> result("succeeded");
            case Transition.Refunding refunding -> log.warn("order {} was charged ({}) {}; the charge is refunded",
                    order, refunding.chargeId(), refunding.previous() == PaymentStatus.PENDING
                            ? "after its order was cancelled" : "after its payment was " + refunding.previous());
            case Transition.Refunded refunded -> log.info("order {}: charge {} refunded ({})", order,
                    settled.payment().chargeId(), refunded.refundId());
            case Transition.Failed failed ->
                    result(failed.reason() == FailureReason.PAYMENT_DECLINED ? "declined" : "unavailable");
            case Transition.Cancelled ignored -> result("cancelled");
            case Transition.SecondCharge second -> log.error("order {} was charged twice: {} and {}; {} is refunded",
                    order, second.recordedChargeId(), second.chargeId(), second.chargeId());
            default -> {
            }
        }
    }

    private void result(String result) {
        meters.counter("payment.payments", "result", result).increment();
    }

    private record Adopted(Settled settled, int newExtraCharges) {
    }

    /** A payment as stored after a transition. */
    record Settled(Payment payment, Transition transition) {
    }
}

package io.shopscale.payment.charging;

import io.shopscale.payment.domain.Payment;
import io.shopscale.payment.domain.PaymentProvider;
import io.shopscale.payment.domain.Payments;
import io.shopscale.payment.domain.Schedule;
import io.shopscale.payment.domain.Transition;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One go at a claimed payment: the payment says what to do next (charge, look up, give up, wait, refund), the
 * provider is asked, and the answer is settled in a transaction of its own. A lookup that found no charge is
 * followed by the charge under the next key in the same go.
 */
@Component
class ChargeCycle {

    private static final int MAX_STEPS = 3;

    private final PaymentProvider provider;
    private final Settlement settlement;
    private final Schedule schedule;
    private final Clock clock;

    ChargeCycle(PaymentProvider provider, Settlement settlement, ChargingProperties properties, Clock clock) {
        this.provider = provider;
        this.settlement = settlement;
        this.schedule = properties.schedule();
        this.clock = clock;
    }

    void run(Payments.Claim claim) {
        Payment payment = claim.payment();
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<Settlement.Settled> settled = switch (payment.nextStep(clock.instant(), schedule)) {
                case CLOSE -> settlement.settle(claim, current -> current.close(clock.instant()));
                case WAIT -> settlement.settle(claim, current -> current.waitForProvider(clock.instant(), schedule));
                case RECONCILE -> settlement.reconciled(claim,
                        provider.lookUp(payment.id(), payment.terms().orderId()), schedule);
                case CHARGE -> settlement.charged(claim, provider.charge(payment.chargeRequest()), schedule);
                case REFUND -> settlement.refunded(claim, provider.refund(payment.refundRequest()), schedule);
            };
            if (settled.isEmpty() || !(settled.get().transition() instanceof Transition.ChargeNext)) {
                return;
            }
            payment = settled.get().payment();
        }
    }
}

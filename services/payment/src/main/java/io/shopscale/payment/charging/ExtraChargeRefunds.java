package io.shopscale.payment.charging;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.payment.domain.ExtraCharge;
import io.shopscale.payment.domain.ExtraCharges;
import io.shopscale.payment.domain.PaymentProvider;
import io.shopscale.payment.domain.RefundOutcome;
import io.shopscale.payment.domain.Schedule;
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
 * Gives back the money of an order's extra charges: each is refunded under its own key until the provider confirms
 * the refund, with the payments' backoff between tries. As with payments, a poll claims only as many as there are
 * free {@link Workers} (claims skip rows other instances hold), and no provider call runs on the poller. Every
 * claimed refund starts at once, and the lease outlasts the longest call by far (checked by {@link ChargingWorker}),
 * so a claim never runs out while its call is under way.
 */
@Component
class ExtraChargeRefunds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExtraChargeRefunds.class);

    private static final int WORKERS = 4;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final ExtraCharges extraCharges;
    private final PaymentProvider provider;
    private final Clock clock;
    private final Duration lease;
    private final Schedule schedule;
    private final MeterRegistry meters;
    private final Workers workers = new Workers("extra-charge-refund", WORKERS);

    ExtraChargeRefunds(ExtraCharges extraCharges, PaymentProvider provider, Clock clock, ChargingProperties properties,
                       MeterRegistry meters) {
        this.extraCharges = extraCharges;
        this.provider = provider;
        this.clock = clock;
        this.lease = properties.lease();
        this.schedule = properties.schedule();
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${shopscale.payment.charging.poll-interval:500ms}")
    void refundDue() {
        int free = workers.free();
        if (free == 0) {
            return;
        }
        Instant now = clock.instant();
        List<ExtraCharge> due;
        try {
            due = extraCharges.claimDue(now, free, now.plus(lease));
        } catch (RuntimeException e) {
            log.warn("could not claim extra charges to refund: {}", e.getMessage());
            return;
        }
        // Shutting down, a refund is not started: its claim runs out and the charge is due again.
        due.forEach(charge -> workers.start(() -> refund(charge)));
    }

    private void refund(ExtraCharge charge) {
        try {
            RefundOutcome outcome = provider.refund(charge.refundRequest());
            Instant now = clock.instant();
            String result = switch (outcome) {
                case RefundOutcome.Refunded refunded -> {
                    extraCharges.refunded(charge.chargeId(), refunded.refundId(), now);
                    log.info("order {}: extra charge {} refunded ({})", charge.orderId(), charge.chargeId(),
                            refunded.refundId());
                    yield "refunded";
                }
                case RefundOutcome.Refused refused -> {
                    log.error("order {}: the provider refuses to refund extra charge {} ({}); asked again later, but"
                            + " it needs looking into", charge.orderId(), charge.chargeId(), refused.code());
                    yield "refused";
                }
                case RefundOutcome.Unconfirmed ignored -> "unconfirmed";
            };
            if (!(outcome instanceof RefundOutcome.Refunded)) {
                extraCharges.retryAt(charge.chargeId(), now.plus(schedule.backoff().apply(charge.attempts())));
            }
            meters.counter("payment.refunds.extra", "outcome", result).increment();
        } catch (RuntimeException e) {
            // The claim runs out and the charge is due again; its refund key is unchanged, so it is refunded once.
            log.warn("extra charge {} of order {} could not be refunded now: {}", charge.chargeId(), charge.orderId(),
                    e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        if (!workers.stop(SHUTDOWN_WAIT)) {
            log.warn("extra charges still being refunded at shutdown are taken up again once their claims run out");
        }
    }
}

package io.shopscale.payment.charging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.payment.domain.ExtraCharges;
import io.shopscale.payment.domain.Payments;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The backlog as operators watch it: how many payments are pending and how long the oldest has been waiting, how
 * many charges are being refunded, and how many extra charges are still owed back. A growing age with a steady count
 * means payments are stuck (provider down, breaker open), not merely busy; refunds that do not drain mean the
 * provider refuses or is away.
 */
@Component
class PaymentMetrics {

    private final Payments payments;
    private final ExtraCharges extraCharges;
    private final Clock clock;

    PaymentMetrics(Payments payments, ExtraCharges extraCharges, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.extraCharges = extraCharges;
        this.clock = clock;
        Gauge.builder("payment.pending", this, PaymentMetrics::pending)
                .description("Payments waiting to be charged")
                .register(meters);
        Gauge.builder("payment.pending.oldest.age", this, PaymentMetrics::oldestAgeSeconds)
                .description("Age in seconds of the oldest payment still waiting to be charged")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("payment.refunding", this, PaymentMetrics::refunding)
                .description("Charges being refunded, not yet confirmed by the provider")
                .register(meters);
        Gauge.builder("payment.charges.owed", this, PaymentMetrics::owed)
                .description("Extra charges of twice-charged orders not yet refunded")
                .register(meters);
    }

    private double owed() {
        try {
            return extraCharges.owed();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double refunding() {
        try {
            return payments.backlog().refunding();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double pending() {
        try {
            return payments.backlog().pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double oldestAgeSeconds() {
        try {
            Payments.Backlog backlog = payments.backlog();
            return backlog.oldest() == null ? 0
                    : Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}

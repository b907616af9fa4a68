package io.shopscale.payment.admin;

import io.shopscale.payment.domain.Attempts;
import io.shopscale.payment.domain.Payments;
import io.shopscale.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment of an order, for operators (ADMIN, enforced by the platform's security for {@code /api/admin/**}).
 * Reads are short queries on PostgreSQL and never wait for the provider.
 */
@RestController
class PaymentAdminController {

    private final Payments payments;
    private final Attempts attempts;

    PaymentAdminController(Payments payments, Attempts attempts) {
        this.payments = payments;
        this.attempts = attempts;
    }

    @GetMapping("/api/admin/payments/{orderId}")
    PaymentView payment(@PathVariable UUID orderId) {
        return payments.findByOrder(orderId)
                .map(payment -> PaymentView.of(payment, attempts.of(payment.id())))
                .orElseThrow(() -> new NotFoundException("No payment for order " + orderId + "."));
    }
}

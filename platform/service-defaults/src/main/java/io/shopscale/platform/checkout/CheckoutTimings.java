package io.shopscale.platform.checkout;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two clocks of checkout that inventory and orders must agree on, in one place: inventory holds reserved stock
 * for {@code reservationTtl}; orders waits for payment for {@code paymentTimeout} from the moment the stock was
 * reserved. The difference is the time the confirmation of a paid order has to reach inventory before the stock
 * would be given back, so a payment timeout that is not shorter than the reservation's life is refused at start.
 *
 * @param reservationTtl how long an unconfirmed reservation holds its stock
 * @param paymentTimeout how long after its stock was reserved an order may still be paid
 */
@ConfigurationProperties("shopscale.checkout")
public record CheckoutTimings(
        @DefaultValue("15m") Duration reservationTtl,
        @DefaultValue("10m") Duration paymentTimeout) {

    public CheckoutTimings {
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        Objects.requireNonNull(paymentTimeout, "paymentTimeout");
        if (!paymentTimeout.isPositive()) {
            throw new IllegalArgumentException("shopscale.checkout.payment-timeout must be positive, got "
                    + paymentTimeout);
        }
        if (paymentTimeout.compareTo(reservationTtl) >= 0) {
            throw new IllegalArgumentException("shopscale.checkout.payment-timeout (" + paymentTimeout
                    + ") must be shorter than shopscale.checkout.reservation-ttl (" + reservationTtl
                    + "): a paid order's stock would be given back before its confirmation could reach inventory");
        }
    }

    /** How long the confirmation of an order paid at its deadline has to reach inventory. */
    public Duration confirmationWindow() {
        return reservationTtl.minus(paymentTimeout);
    }
}

package io.shopscale.payment.charging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.ChargeRequest;
import io.shopscale.payment.domain.PaymentId;
import io.shopscale.payment.domain.PaymentProvider;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import io.shopscale.payment.domain.RefundRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChargingWorkerTests {

    @Test
    void aLeaseShorterThanALookupAndAChargeIsRefusedAtStart() {
        ChargingProperties properties = new ChargingProperties(Duration.ofMillis(500), 8, Duration.ofSeconds(20),
                new ChargingProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 0.5),
                Duration.ofSeconds(30));

        assertThatThrownBy(() -> new ChargingWorker(null, null, properties, slowProvider(Duration.ofSeconds(10)),
                Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shopscale.payment.charging.lease");
    }

    private static PaymentProvider slowProvider(Duration longestCall) {
        return new PaymentProvider() {
            @Override
            public ChargeOutcome charge(ChargeRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Reconciliation lookUp(PaymentId paymentId, UUID orderId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RefundOutcome refund(RefundRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration longestCall() {
                return longestCall;
            }
        };
    }
}

package io.shopscale.platform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class CheckoutTimingsTests {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(UsesTimings.class);

    @Test
    void theDefaultsLeaveFiveMinutesForAConfirmationToReachInventory() {
        service.run(context -> {
            CheckoutTimings timings = context.getBean(CheckoutTimings.class);
            assertThat(timings.reservationTtl()).isEqualTo(Duration.ofMinutes(15));
            assertThat(timings.paymentTimeout()).isEqualTo(Duration.ofMinutes(10));
            assertThat(timings.confirmationWindow()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void aServiceRefusesToStartWhenOrdersWouldWaitForPaymentLongerThanStockIsHeld() {
        service.withPropertyValues("shopscale.checkout.payment-timeout=15m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("shopscale.checkout.payment-timeout (PT15M) must be shorter than"
                            + " shopscale.checkout.reservation-ttl (PT15M)");
        });
        service.withPropertyValues("shopscale.checkout.reservation-ttl=1m", "shopscale.checkout.payment-timeout=2m")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aPaymentTimeoutMustBePositive() {
        assertThatThrownBy(() -> new CheckoutTimings(Duration.ofMinutes(15), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CheckoutTimings(Duration.ofMinutes(2), Duration.ofMinutes(1)).confirmationWindow())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CheckoutTimings.class)
    static class UsesTimings {
    }
}

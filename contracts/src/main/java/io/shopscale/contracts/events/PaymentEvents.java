package io.shopscale.contracts.events;

import java.time.Instant;

/**
 * The {@code data} of the payment events. Their envelope's {@code subject} (and Kafka key) is the order id, so a
 * payment's events share a partition with nothing else about the order's payment.
 */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    /** Why a payment failed for good. */
    public enum FailureReason {
        /** The provider refused the charge (card declined, insufficient funds...). */
        PAYMENT_DECLINED,
        /** The provider could not be reached successfully before the order's payment deadline. */
        PAYMENT_UNAVAILABLE
    }

    /**
     * The provider charged the order's total.
     *
     * @param chargeId the provider's id of the successful charge
     * @param amount minor units of {@code currency}
     */
    public record PaymentSucceeded(String orderId, String paymentId, String chargeId, long amount, String currency,
            Instant succeededAt) {
    }

    /**
     * The order will not be paid.
     *
     * @param declineCode the provider's code when it declined ({@code card_declined}, ...), otherwise null
     */
    public record PaymentFailed(String orderId, String paymentId, FailureReason reason, String declineCode,
            Instant failedAt) {
    }
}

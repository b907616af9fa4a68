package io.shopscale.payment.domain;

/**
 * {@code PENDING} until the provider charged ({@code SUCCEEDED}), refused or could not be reached in time
 * ({@code FAILED}), or the order was cancelled before any charge could have been made ({@code CANCELLED}). A charge
 * that nobody will pay for (its order was cancelled, or the payment had been given up) is returned:
 * {@code REFUNDING} until the provider confirms the refund, then {@code REFUNDED}.
 */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, CANCELLED, REFUNDING, REFUNDED
}

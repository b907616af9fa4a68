package io.shopscale.payment.domain;

/**
 * {@code PENDING} until the provider charged ({@code SUCCEEDED}), refused or could not be reached in time
 * ({@code FAILED}), or the order was cancelled before any charge could have been made ({@code CANCELLED}).
 */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, CANCELLED
}

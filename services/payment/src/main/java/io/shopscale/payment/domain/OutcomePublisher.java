package io.shopscale.payment.domain;

/** Tells the rest of the platform how a payment ended, inside the transaction that stores it. */
public interface OutcomePublisher {

    void succeeded(Payment payment);

    void failed(Payment payment);
}

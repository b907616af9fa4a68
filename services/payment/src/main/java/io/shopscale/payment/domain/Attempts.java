package io.shopscale.payment.domain;

import java.util.List;

/** The record of every provider call made for a payment. */
public interface Attempts {

    /** Stores the attempt on its own, outside any transaction: it happened whatever becomes of the payment. */
    void record(Attempt attempt);

    /** The payment's attempts, oldest first. */
    List<Attempt> of(PaymentId paymentId);
}

package io.shopscale.payment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where payments are kept. Implementations join the caller's transaction where there is one. */
public interface Payments {

    /** Stores a new payment unless its order has one already; false if it had. */
    boolean add(Payment payment);

    Optional<Payment> findByOrder(UUID orderId);

    /** The order's payment, locked until this transaction ends, with whether a worker holds it right now. */
    Optional<Held> lockByOrder(UUID orderId, Instant now);

    /** The payment, locked until this transaction ends. */
    Optional<Payment> lock(PaymentId id);

    /** The payment, locked, if the claim with this lease is still the one that holds it. */
    Optional<Payment> lockClaimed(PaymentId id, UUID lease);

    /**
     * Claims up to {@code limit} payments that are due (pending, or refunding): each gets a lease token and is left
     * alone by every other claim until {@code leasedUntil}. Payments another transaction holds are skipped. Each
     * claimed payment is stored as {@link Payment#claim} leaves it, in the statement that claims it.
     */
    List<Claim> claimDue(Instant now, int limit, Instant leasedUntil);

    /** Stores the payment's progress; releases the worker's lease unless {@code keepLease}. */
    void save(Payment payment, boolean keepLease);

    /**
     * Holds the order until this transaction ends: news of one order (its placement, its cancellation) is taken in
     * one at a time, even when it arrives at two consumers at once, and whether or not the order has a payment yet.
     */
    void holdOrder(UUID orderId);

    /** Records that the order was cancelled; false if it was known already. */
    boolean recordCancellation(UUID orderId, String reason, Instant at);

    boolean isCancelled(UUID orderId);

    /** How many payments are pending, when the oldest of them was requested, and how many are refunding. */
    Backlog backlog();

    /** A payment a worker claimed, with the token that proves the claim. */
    record Claim(Payment payment, UUID lease) {
    }

    /** A locked payment and whether a worker's claim on it is still running. */
    record Held(Payment payment, boolean claimed) {
    }

    /** {@code oldest} is null when nothing is pending. */
    record Backlog(long pending, Instant oldest, long refunding) {
    }
}

package io.shopscale.orders.idempotency;

import io.shopscale.orders.order.OrderId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency keys, scoped per user. A key is claimed in a short transaction of its own before any work starts,
 * completed in the transaction that stores the result, and released without an answer when the work failed for a
 * transient reason, so the client's retry can run it again.
 */
@Service
public class IdempotencyKeys {

    private static final int CLAIM_ATTEMPTS = 3;

    private final IdempotencyKeyRepository repository;
    private final IdempotencyProperties properties;

    IdempotencyKeys(IdempotencyKeyRepository repository, IdempotencyProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /**
     * Claims the key for a request with the given fingerprint. A new key gets a fresh order id; a claim left
     * behind by a crashed request is taken over with the order id it already had.
     */
    @Transactional
    public Claim claim(String userId, IdempotencyKey key, String requestHash) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            OrderId candidate = OrderId.random();
            if (repository.insert(userId, key.value(), requestHash, candidate, properties.lock())) {
                return new Claim.Acquired(userId, key, candidate);
            }
            Optional<StoredKey> stored = repository.find(userId, key.value());
            if (stored.isEmpty()) {
                continue; // deleted by the cleanup in between: claim again
            }
            StoredKey existing = stored.get();
            if (!existing.requestHash().equals(requestHash)) {
                return new Claim.Mismatch();
            }
            if (existing.completed()) {
                return new Claim.Replay(existing.responseStatus(), existing.responseBody(), existing.orderId());
            }
            if (repository.takeOver(userId, key.value(), properties.lock())) {
                return new Claim.Acquired(userId, key, existing.orderId());
            }
            return new Claim.InFlight();
        }
        return new Claim.InFlight();
    }

    /**
     * Stores the answer for the claimed key. Joins the caller's transaction so the answer commits together with
     * what it reports.
     *
     * @throws ClaimLostException if the claim was taken over meanwhile (the request outlived its lock)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void complete(Claim.Acquired claim, int status, String body) {
        if (!repository.complete(claim.userId(), claim.key().value(), claim.orderId(), status, body)) {
            throw new ClaimLostException();
        }
    }

    /**
     * Makes the key available to a retry at once. With {@code newOrderId}, the retry works under a fresh order id:
     * used when the reservation made under the old one has been given back.
     */
    @Transactional
    public void release(Claim.Acquired claim, boolean newOrderId) {
        repository.release(claim.userId(), claim.key().value(), claim.orderId(),
                newOrderId ? OrderId.random() : claim.orderId());
    }

    /**
     * Gives the claim a new order id, keeping its lock: for when the old id's reservation has ended.
     *
     * @throws ClaimLostException if the claim was taken over meanwhile
     */
    @Transactional
    public Claim.Acquired renew(Claim.Acquired claim) {
        OrderId next = OrderId.random();
        if (!repository.changeOrderId(claim.userId(), claim.key().value(), claim.orderId(), next)) {
            throw new ClaimLostException();
        }
        return new Claim.Acquired(claim.userId(), claim.key(), next);
    }

    /** Up to {@code limit} claims abandoned for longer than the lock plus {@code idle}. */
    @Transactional(readOnly = true)
    public List<AbandonedClaim> abandoned(Duration idle, int limit) {
        return repository.abandoned(idle, limit);
    }

    /**
     * Forgets an abandoned claim, so a retry of it, if one ever comes, starts afresh; false if a retry took it over
     * meanwhile (that retry then finds the old reservation given back, and reserves under a new order id).
     */
    @Transactional
    public boolean forget(AbandonedClaim claim) {
        return repository.forget(claim);
    }

    /** Deletes keys older than the retention; returns how many. */
    @Transactional
    public int deleteExpired() {
        return repository.deleteOlderThan(properties.retention());
    }
}

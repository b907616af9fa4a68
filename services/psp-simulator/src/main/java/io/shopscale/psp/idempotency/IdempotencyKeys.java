package io.shopscale.psp.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Idempotency keys as Stripe keeps them: the first request with a key is processed and its response stored; a later
 * request with the same key and parameters gets that response again, whatever it was (a 500 included); other
 * parameters are refused, and so is a request arriving while the first is still processed. Requests that fail
 * validation never reach here, so they store nothing, as at Stripe.
 *
 * <p>Memory only, and bounded: a key is forgotten after {@code retention} (Stripe: 24 h) or, oldest first, once more
 * than {@code maxKeys} are held, so a long load test cannot exhaust the heap.
 */
public class IdempotencyKeys {

    private final Duration retention;
    private final int maxKeys;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Entries in arrival order, so that the oldest are forgotten first. */
    private final Queue<Entry> arrivals = new ConcurrentLinkedQueue<>();

    public IdempotencyKeys(Duration retention, int maxKeys, InstantSource clock) {
        if (maxKeys < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("idempotency keys need a positive retention and max-keys");
        }
        this.retention = retention;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * @param parameters what the request asks for; compared with {@code equals} to the key's first request
     */
    public Claim claim(String key, Object parameters) {
        forgetOld();
        Entry fresh = new Entry(key, parameters, clock.instant());
        Entry first = entries.putIfAbsent(key, fresh);
        if (first == null) {
            arrivals.add(fresh);
            return new Claim.Started();
        }
        if (!first.parameters.equals(parameters)) {
            return new Claim.Reused();
        }
        StoredResponse response = first.response;
        return response == null ? new Claim.InFlight() : new Claim.Replay(response);
    }

    /** Stores the response of the request that {@link Claim.Started started} the key. */
    public void complete(String key, StoredResponse response) {
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.response = response;
        }
    }

    /** Lets the key be used again, for a request that ended without a response worth replaying. */
    public void release(String key) {
        entries.computeIfPresent(key, (k, entry) -> entry.response == null ? null : entry);
    }

    public void forgetAll() {
        entries.clear();
        arrivals.clear();
    }

    public int size() {
        return entries.size();
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(retention);
        for (Entry oldest = arrivals.peek(); oldest != null; oldest = arrivals.peek()) {
            if (oldest.createdAt.isAfter(cutoff) && entries.size() < maxKeys) {
                return;
            }
            if (arrivals.remove(oldest)) {
                entries.remove(oldest.key, oldest);
            }
        }
    }

    private static final class Entry {
        final String key;
        final Object parameters;
        final Instant createdAt;
        volatile StoredResponse response;

        Entry(String key, Object parameters, Instant createdAt) {
            this.key = key;
            this.parameters = parameters;
            this.createdAt = createdAt;
        }
    }
}

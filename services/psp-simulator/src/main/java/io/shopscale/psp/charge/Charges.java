package io.shopscale.psp.charge;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charges made, in memory: the provider's ground truth of what was charged, by id and by order reference, and
 * of what was refunded (each charge holds its refund).
 *
 * <p>Bounded by {@code maxCharges} so that a long load test cannot exhaust the heap; beyond it the oldest charges are
 * forgotten. That is counted ({@link #forgotten()}, metric {@code psp.charges.forgotten}) and logged, because an
 * audit over forgotten charges would prove nothing.
 */
public class Charges {

    private static final Logger log = LoggerFactory.getLogger(Charges.class);

    private final int maxCharges;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Charge> byId = new ConcurrentHashMap<>();
    /** Lists are immutable and replaced on change, so readers never see one half-written. */
    private final ConcurrentHashMap<String, List<Charge>> byOrder = new ConcurrentHashMap<>();
    private final Queue<Charge> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong forgotten = new AtomicLong();

    public Charges(int maxCharges, InstantSource clock) {
        if (maxCharges < 1) {
            throw new IllegalArgumentException("max-charges must be at least 1");
        }
        this.maxCharges = maxCharges;
        this.clock = clock;
    }

    Charge record(ChargeRequest request) {
        Charge charge = new Charge("ch_" + UUID.randomUUID().toString().replace("-", ""), request.amount(),
                request.currency(), request.customer(), request.orderRef(), clock.instant());
        byId.put(charge.id(), charge);
        byOrder.merge(charge.orderRef(), List.of(charge), Charges::concat);
        arrivals.add(charge);
        while (byId.size() > maxCharges) {
            forgetOldest();
        }
        return charge;
    }

    /**
     * Refunds the whole charge, once: the first call makes the refund, later calls (whatever their idempotency key)
     * get the same one. Atomic per charge, so concurrent refunds of one charge make one refund. Empty when there is
     * no such charge (never made, or forgotten).
     */
    Optional<Refunding> refund(String chargeId) {
        boolean[] made = {false};
        Charge refunded = byId.computeIfPresent(chargeId, (id, charge) -> {
            if (charge.refunded()) {
                return charge;
            }
            made[0] = true;
            return charge.refundedBy(new Refund("re_" + UUID.randomUUID().toString().replace("-", ""), id,
                    charge.amount(), clock.instant()));
        });
        if (refunded == null) {
            return Optional.empty();
        }
        // Also when the refund was made by another call: neither answers before the order's list shows it.
        byOrder.computeIfPresent(refunded.orderRef(), (ref, charges) -> charges.stream()
                .map(charge -> charge.id().equals(refunded.id()) ? refunded : charge)
                .toList());
        return Optional.of(new Refunding(refunded.refund(), made[0]));
    }

    Optional<Charge> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Charge> forOrder(String orderRef) {
        return byOrder.getOrDefault(orderRef, List.of());
    }

    public void forgetAll() {
        byId.clear();
        byOrder.clear();
        arrivals.clear();
    }

    public int size() {
        return byId.size();
    }

    public long forgotten() {
        return forgotten.get();
    }

    private void forgetOldest() {
        Charge oldest = arrivals.poll();
        if (oldest == null || byId.remove(oldest.id()) == null) {
            return;
        }
        byOrder.computeIfPresent(oldest.orderRef(), (ref, charges) -> {
            // By id: a refunded charge is listed as a new record, not as the one that arrived.
            List<Charge> rest = charges.stream().filter(charge -> !charge.id().equals(oldest.id())).toList();
            return rest.isEmpty() ? null : rest;
        });
        if (forgotten.getAndIncrement() == 0) {
            log.warn("more than {} charges made: the oldest are being forgotten (shopscale.psp.max-charges)",
                    maxCharges);
        }
    }

    /**
     * A charge's refund, as {@link #refund} found it.
     *
     * @param made true when this call made the refund; false when the charge had been refunded before
     */
    record Refunding(Refund refund, boolean made) {
    }

    private static List<Charge> concat(List<Charge> earlier, List<Charge> added) {
        List<Charge> all = new ArrayList<>(earlier.size() + added.size());
        all.addAll(earlier);
        all.addAll(added);
        return List.copyOf(all);
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * Made-up ground truth: stock, orders, reservations, payments, keys and the provider's charges set by the test,
 * served through the auditor's interfaces. {@link #sale} writes everything a healthy platform leaves behind for one
 * paid order, so a test can break exactly one part of it.
 */
final class FakeStores implements GroundTruth, ChargeLedger {

    static final Instant SINCE = Instant.parse("2026-11-27T09:59:00Z");
    static final Instant PLACED = Instant.parse("2026-11-27T10:00:00Z");
    static final List<String> USERS = List.of("u1", "u2");

    final Map<String, StockLevel> stock = new HashMap<>();
    final List<OrderRecord> orders = new ArrayList<>();
    final List<StoreReading.Line> lines = new ArrayList<>();
    final List<StoreReading.Reservation> reservations = new ArrayList<>();
    final List<StoreReading.Payment> payments = new ArrayList<>();
    final List<StoreReading.ExtraCharge> extraCharges = new ArrayList<>();
    final List<StoreReading.AcceptedKey> keys = new ArrayList<>();
    final Map<UUID, List<Charge>> charges = new HashMap<>();
    final Set<UUID> providerCannotSay = new HashSet<>();
    final Set<UUID> accepted = new HashSet<>();
    /** Answers of {@link #pending} in turn; the last one repeats. */
    final Queue<Pending> pendingAnswers = new LinkedList<>();
    /** The scope {@link #pending} was last asked about. */
    RunScope askedAbout;
    Answers answers = Answers.none();
    private Baseline before;
    private int chargeIds;

    FakeStores stock(String sku, long available, long reserved, long sold) {
        stock.put(sku, new StockLevel(sku, available, reserved, sold));
        return this;
    }

    /** Takes the baseline the audit compares with: the stock as set so far. */
    void snapshot() {
        before = new Baseline(SINCE, stock);
    }

    UUID order(String user, String status, String reason) {
        return order(user, status, reason, PLACED);
    }

    UUID order(String user, String status, String reason, Instant placed) {
        UUID id = UUID.randomUUID();
        orders.add(new OrderRecord(id, user, status, reason, 2499, "USD", placed, placed.plusMillis(800)));
        return id;
    }

    /**
     * One order paid for, as a healthy platform leaves it: accepted, CONFIRMED with its line, its reservation
     * CONFIRMED, its payment SUCCEEDED with the one charge the provider made, its key answered 202. The stock is the
     * test's to move.
     */
    UUID sale(String user, String sku, int quantity) {
        UUID id = order(user, OrderRecord.CONFIRMED, null);
        accepted.add(id);
        lines.add(new StoreReading.Line(id, sku, quantity));
        reservation(id, StoreReading.Reservation.CONFIRMED);
        payments.add(new StoreReading.Payment(id, StoreReading.Payment.SUCCEEDED, charge(id, "succeeded")));
        key(user, id);
        return id;
    }

    /** An order the payment declined: accepted, CANCELLED, its reservation released, nothing charged. */
    UUID declined(String user) {
        UUID id = order(user, OrderRecord.CANCELLED, "PAYMENT_DECLINED");
        accepted.add(id);
        reservation(id, "RELEASED");
        payments.add(new StoreReading.Payment(id, "FAILED", null));
        charges.put(id, new ArrayList<>());
        key(user, id);
        return id;
    }

    void reservation(UUID order, String state) {
        reservations.removeIf(r -> r.orderId().equals(order));
        reservations.add(new StoreReading.Reservation(order, state));
    }

    void payment(UUID order, String status, String chargeId) {
        payments.removeIf(p -> p.orderId().equals(order));
        payments.add(new StoreReading.Payment(order, status, chargeId));
    }

    void key(String user, UUID order) {
        keys.add(new StoreReading.AcceptedKey(user, "key-" + keys.size(), order));
    }

    /** A charge at the provider for the order's 2499 USD; returns its id. */
    String charge(UUID order, String status) {
        return charge(order, status, 2499, "USD");
    }

    String charge(UUID order, String status, long amount, String currency) {
        String id = "ch_" + chargeIds++;
        charges.computeIfAbsent(order, k -> new ArrayList<>())
                .add(new Charge(id, status, amount, currency, order.toString()));
        return id;
    }

    Auditor.Audit audit() throws Exception {
        return audit(this);
    }

    /** The audit of these stores, with the provider's ledger read from {@code ledger} (null: not read). */
    Auditor.Audit audit(ChargeLedger ledger) throws Exception {
        if (before == null) {
            snapshot();
        }
        return Auditor.audit(this, ledger, before, scope(), answers, List.of("HKT-00001"));
    }

    RunScope scope() {
        return new RunScope(SINCE, Set.copyOf(USERS), accepted);
    }

    static Check check(Auditor.Audit audit, Invariant invariant) {
        return audit.checks().stream().filter(c -> c.name().equals(invariant.label())).findFirst().orElseThrow();
    }

    @Override
    public Baseline baseline() {
        return new Baseline(SINCE, stock);
    }

    @Override
    public StoreReading read(RunScope scope) {
        List<OrderRecord> ofRun = orders.stream().filter(o -> scope.shoppers().contains(o.userId())
                || scope.accepted().contains(o.id()) || !o.placedAt().isBefore(scope.since())
                || !o.updatedAt().isBefore(scope.since())).toList();
        return new StoreReading(stock, ofRun, lines, reservations, payments, extraCharges, keys);
    }

    @Override
    public Pending pending(RunScope scope) {
        askedAbout = scope;
        return pendingAnswers.size() > 1 ? pendingAnswers.poll() : pendingAnswers.element();
    }

    @Override
    public Lookup charges(Collection<UUID> orderIds) {
        Map<UUID, List<Charge>> found = new HashMap<>();
        Set<UUID> unanswered = new HashSet<>();
        for (UUID id : orderIds) {
            if (providerCannotSay.contains(id)) {
                unanswered.add(id);
            }
            else {
                found.put(id, charges.getOrDefault(id, List.of()));
            }
        }
        return new Lookup(found, unanswered);
    }
}

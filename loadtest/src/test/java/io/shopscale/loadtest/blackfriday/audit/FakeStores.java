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

/** Made-up ground truth: stock, orders and charges set by the test, served through the auditor's interfaces. */
final class FakeStores implements GroundTruth, ChargeLedger {

    final Map<String, StockLevel> stock = new HashMap<>();
    final List<OrderRecord> orders = new ArrayList<>();
    final Map<UUID, List<Charge>> charges = new HashMap<>();
    final Set<UUID> providerCannotSay = new HashSet<>();
    /** Answers of {@link #pending} in turn; the last one repeats. */
    final Queue<Long> pendingAnswers = new LinkedList<>();

    FakeStores stock(String sku, long available, long reserved, long sold) {
        stock.put(sku, new StockLevel(sku, available, reserved, sold));
        return this;
    }

    UUID order(String user, String status, String reason) {
        UUID id = UUID.randomUUID();
        Instant placed = Instant.parse("2026-11-27T10:00:00Z");
        orders.add(new OrderRecord(id, user, status, reason, 2499, "USD", placed, placed.plusMillis(800)));
        return id;
    }

    void charge(UUID order, String status) {
        charges.computeIfAbsent(order, k -> new ArrayList<>())
                .add(new Charge("ch_" + charges.size(), status, 2499, "USD", order.toString()));
    }

    @Override
    public Map<String, StockLevel> stock() {
        return Map.copyOf(stock);
    }

    @Override
    public List<OrderRecord> orders(Collection<String> userIds, Collection<UUID> orderIds) {
        return orders.stream().filter(o -> userIds.contains(o.userId()) || orderIds.contains(o.id())).toList();
    }

    @Override
    public long pending(Collection<String> userIds, Collection<UUID> orderIds) {
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

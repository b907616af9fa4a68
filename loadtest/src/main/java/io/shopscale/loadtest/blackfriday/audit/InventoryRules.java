package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The invariants between inventory's stock and reservations and the orders they were taken for. */
final class InventoryRules {

    private InventoryRules() {
    }

    /**
     * Inventory's sold counters against orders' own lines. {@code inventory.stock} counts for the whole shop, so the
     * delta is held against every order confirmed in the run's window (its {@code updated_at}, the time of its final
     * status, at or after the baseline), whoever placed it: a straggler of an earlier run confirmed meanwhile moved
     * the counters too. Exact as long as nothing confirms in the instant the baseline is read.
     */
    static Check unitsSoldMatchOrders(AuditInput input, Map<UUID, OrderRecord> orders) {
        Set<UUID> confirmed = orders.values().stream()
                .filter(o -> OrderRecord.CONFIRMED.equals(o.status()) && !o.updatedAt().isBefore(input.scope().since()))
                .map(OrderRecord::id).collect(Collectors.toSet());
        Map<String, Long> ordered = new TreeMap<>();
        input.stores().confirmedLines().stream().filter(line -> confirmed.contains(line.orderId()))
                .forEach(line -> ordered.merge(line.sku(), (long) line.quantity(), Long::sum));
        Map<String, Long> sold = new TreeMap<>();
        input.after().values().forEach(after -> {
            StockLevel before = input.before().get(after.sku());
            long delta = after.sold() - (before == null ? 0 : before.sold());
            if (delta != 0) {
                sold.put(after.sku(), delta);
            }
        });
        Set<String> skus = new TreeSet<>(sold.keySet());
        skus.addAll(ordered.keySet());
        List<String> examples = new ArrayList<>();
        for (String sku : skus) {
            long units = sold.getOrDefault(sku, 0L);
            long inOrders = ordered.getOrDefault(sku, 0L);
            if (!input.after().containsKey(sku)) {
                examples.add("%s: %d units in confirmed orders, gone from inventory.stock".formatted(sku, inOrders));
            }
            else if (units != inOrders) {
                examples.add("%s: %d units sold during the run, confirmed orders hold %d".formatted(sku, units,
                        inOrders));
            }
        }
        long totalSold = sold.values().stream().mapToLong(Long::longValue).sum();
        long totalOrdered = ordered.values().stream().mapToLong(Long::longValue).sum();
        return Invariant.UNITS_SOLD_MATCH_ORDERS.judged(examples, examples.size(),
                "%d SKUs differ; %d units sold, %d in the %d orders confirmed".formatted(examples.size(), totalSold,
                        totalOrdered, confirmed.size()));
    }

    /**
     * A reservation still {@code RESERVED} after settling holds stock nobody will buy until it expires: its order
     * ended without the release or confirmation reaching inventory, or it has no order at all (the checkout stopped
     * after reserving).
     */
    static Check reservationsSettled(AuditInput input, Map<UUID, OrderRecord> orders) {
        List<String> examples = input.stores().reservations().stream()
                .filter(r -> StoreReading.Reservation.RESERVED.equals(r.state()))
                .sorted(Comparator.comparing(StoreReading.Reservation::orderId))
                .map(r -> r.orderId() + ": still RESERVED, order " + statusOf(orders.get(r.orderId())))
                .toList();
        return Invariant.RESERVATIONS_SETTLED.judged(examples, examples.size(), examples.size() + " of "
                + input.stores().reservations().size() + " reservations still RESERVED");
    }

    /** Each sale is one confirmed order and one confirmed reservation, both or neither. */
    static Check reservationsMatchOrders(AuditInput input, Map<UUID, OrderRecord> orders) {
        Map<UUID, StoreReading.Reservation> reservations = new HashMap<>();
        input.stores().reservations().forEach(r -> reservations.put(r.orderId(), r));
        List<String> examples = new ArrayList<>();
        orders.values().stream().filter(o -> OrderRecord.CONFIRMED.equals(o.status())).map(OrderRecord::id).sorted()
                .forEach(id -> {
                    StoreReading.Reservation reservation = reservations.get(id);
                    if (reservation == null) {
                        examples.add(id + ": CONFIRMED without a reservation");
                    }
                    else if (!StoreReading.Reservation.CONFIRMED.equals(reservation.state())) {
                        examples.add(id + ": CONFIRMED, its reservation " + reservation.state());
                    }
                });
        reservations.values().stream().filter(r -> StoreReading.Reservation.CONFIRMED.equals(r.state()))
                .map(StoreReading.Reservation::orderId).sorted().forEach(id -> {
                    OrderRecord order = orders.get(id);
                    if (order == null || !OrderRecord.CONFIRMED.equals(order.status())) {
                        examples.add(id + ": reservation CONFIRMED, order " + statusOf(order));
                    }
                });
        return Invariant.RESERVATIONS_MATCH_ORDERS.judged(examples, examples.size(),
                examples.size() + " orders and reservations disagree");
    }

    private static String statusOf(OrderRecord order) {
        return order == null ? "not stored" : order.status();
    }
}

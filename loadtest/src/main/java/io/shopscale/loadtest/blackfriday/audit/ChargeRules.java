package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The invariants between orders and the provider's charges. */
final class ChargeRules {

    static final String LEDGER_NOT_READ = "the provider's charges were not read (--psp none)";

    private ChargeRules() {
    }

    /**
     * Counted from both sides: the provider's ledger (more than one charge standing) and payment's own records (an
     * extra charge it found and has not refunded), so a double charge neither side admits to alone is still caught.
     */
    static Check onePerOrder(AuditInput input) {
        Map<UUID, List<String>> found = new TreeMap<>();
        if (input.charges() != null) {
            input.charges().byOrder().forEach((order, charges) -> {
                long succeeded = charges.stream().filter(Charge::succeeded).count();
                if (succeeded > 1) {
                    found.computeIfAbsent(order, k -> new ArrayList<>()).add(succeeded + " succeeded charges");
                }
            });
        }
        input.stores().extraCharges().stream().filter(extra -> !extra.refunded()).forEach(extra ->
                found.computeIfAbsent(extra.orderId(), k -> new ArrayList<>())
                        .add("extra charge " + extra.chargeId() + " not refunded"));
        List<String> examples = found.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join("; ", e.getValue())).toList();
        return judged(Invariant.ONE_CHARGE_PER_ORDER, input, examples, examples.size(),
                " orders charged more than once");
    }

    static Check confirmedPaid(AuditInput input, Map<UUID, OrderRecord> orders) {
        if (input.charges() == null) {
            return unread(Invariant.CONFIRMED_ORDERS_PAID);
        }
        List<String> examples = new ArrayList<>();
        orders.values().stream().filter(o -> OrderRecord.CONFIRMED.equals(o.status()))
                .map(OrderRecord::id).sorted().forEach(id -> {
                    List<Charge> charges = input.charges().byOrder().get(id);
                    if (charges != null && charges.stream().noneMatch(Charge::succeeded)) {
                        examples.add(id + ": CONFIRMED without a succeeded charge");
                    }
                });
        return judged(Invariant.CONFIRMED_ORDERS_PAID, input, examples, examples.size(),
                " confirmed orders without a succeeded charge");
    }

    static Check chargedConfirmed(AuditInput input, Map<UUID, OrderRecord> orders) {
        if (input.charges() == null) {
            return unread(Invariant.CHARGES_HAVE_CONFIRMED_ORDERS);
        }
        List<String> examples = new ArrayList<>();
        input.charges().byOrder().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            OrderRecord order = orders.get(entry.getKey());
            boolean charged = entry.getValue().stream().anyMatch(Charge::succeeded);
            if (charged && (order == null || !OrderRecord.CONFIRMED.equals(order.status()))) {
                examples.add(entry.getKey() + ": charged but " + (order == null ? "not stored" : order.status()));
            }
        });
        return judged(Invariant.CHARGES_HAVE_CONFIRMED_ORDERS, input, examples, examples.size(),
                " succeeded charges without a confirmed order");
    }

    /** Refunded charges too: taking the wrong amount is wrong even if it was given back later. */
    static Check amountsMatch(AuditInput input, Map<UUID, OrderRecord> orders) {
        if (input.charges() == null) {
            return unread(Invariant.CHARGES_MATCH_ORDERS);
        }
        List<String> examples = new ArrayList<>();
        input.charges().byOrder().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            OrderRecord order = orders.get(entry.getKey());
            if (order == null) {
                return; // a charge without an order is charges-have-confirmed-orders' to report
            }
            for (Charge charge : entry.getValue()) {
                if (charge.amount() != order.total() || !order.currency().equals(charge.currency())) {
                    examples.add("%s: charge %s is %d %s, the order %d %s".formatted(order.id(), charge.id(),
                            charge.amount(), charge.currency(), order.total(), order.currency()));
                }
            }
        });
        return judged(Invariant.CHARGES_MATCH_ORDERS, input, examples, examples.size(),
                " charges differ from their order's total or currency");
    }

    /**
     * A violation fails; otherwise orders the provider could not answer for, or a ledger not read at all, leave the
     * check unverified.
     */
    static Check judged(Invariant invariant, AuditInput input, List<String> examples, long count, String what) {
        String unknown = input.charges() == null ? LEDGER_NOT_READ
                : input.charges().unanswered().isEmpty() ? null
                : "charges unknown for " + input.charges().unanswered().size() + " orders";
        String detail = count + what + (unknown == null ? "" : "; " + unknown);
        Check.Status status = count > 0 ? Check.Status.FAIL
                : unknown != null ? Check.Status.UNVERIFIED : Check.Status.PASS;
        return invariant.withStatus(status, count, detail, examples);
    }

    /** Without the provider's ledger a charge check cannot pass: unverified, which fails the run. */
    static Check unread(Invariant invariant) {
        return invariant.withStatus(Check.Status.UNVERIFIED, 0, "not checked: " + LEDGER_NOT_READ, List.of());
    }
}

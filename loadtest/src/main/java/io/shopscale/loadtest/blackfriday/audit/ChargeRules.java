package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The invariants between orders and the provider's charges. */
final class ChargeRules {

    private ChargeRules() {
    }

    static Check onePerOrder(AuditInput input) {
        Invariant invariant = Invariant.ONE_CHARGE_PER_ORDER;
        if (input.charges() == null) {
            return skipped(invariant);
        }
        List<String> examples = new ArrayList<>();
        input.charges().byOrder().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            long succeeded = entry.getValue().stream().filter(Charge::succeeded).count();
            if (succeeded > 1) {
                examples.add(entry.getKey() + ": " + succeeded + " succeeded charges");
            }
        });
        return judged(invariant, input, examples, " orders charged more than once");
    }

    static Check confirmedPaid(AuditInput input, Map<UUID, OrderRecord> orders) {
        Invariant invariant = Invariant.CONFIRMED_ORDERS_PAID;
        if (input.charges() == null) {
            return skipped(invariant);
        }
        List<String> examples = new ArrayList<>();
        orders.values().stream().filter(o -> OrderRecord.CONFIRMED.equals(o.status()))
                .map(OrderRecord::id).sorted().forEach(id -> {
                    List<Charge> charges = input.charges().byOrder().get(id);
                    if (charges != null && charges.stream().noneMatch(Charge::succeeded)) {
                        examples.add(id + ": CONFIRMED without a succeeded charge");
                    }
                });
        return judged(invariant, input, examples, " confirmed orders without a succeeded charge");
    }

    static Check chargedConfirmed(AuditInput input, Map<UUID, OrderRecord> orders) {
        Invariant invariant = Invariant.CHARGES_HAVE_CONFIRMED_ORDERS;
        if (input.charges() == null) {
            return skipped(invariant);
        }
        List<String> examples = new ArrayList<>();
        input.charges().byOrder().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            OrderRecord order = orders.get(entry.getKey());
            boolean charged = entry.getValue().stream().anyMatch(Charge::succeeded);
            if (charged && (order == null || !OrderRecord.CONFIRMED.equals(order.status()))) {
                examples.add(entry.getKey() + ": charged but " + (order == null ? "not stored" : order.status()));
            }
        });
        return judged(invariant, input, examples, " succeeded charges without a confirmed order");
    }

    /** A violation fails; otherwise orders the provider could not answer for leave the check unverified. */
    private static Check judged(Invariant invariant, AuditInput input, List<String> examples, String what) {
        int unknown = input.charges().unanswered().size();
        String detail = examples.size() + what + (unknown == 0 ? "" : "; charges unknown for " + unknown + " orders");
        Check.Status status = !examples.isEmpty() ? Check.Status.FAIL
                : unknown > 0 ? Check.Status.UNVERIFIED : Check.Status.PASS;
        return invariant.withStatus(status, examples.size(), detail, examples);
    }

    private static Check skipped(Invariant invariant) {
        return invariant.withStatus(Check.Status.SKIPPED, 0, "charge checks are off (--psp none)", List.of());
    }
}

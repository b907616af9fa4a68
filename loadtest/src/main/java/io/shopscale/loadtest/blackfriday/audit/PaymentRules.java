package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The invariants between payment's own records and the provider's ledger, and what payment still owes. */
final class PaymentRules {

    private PaymentRules() {
    }

    /**
     * Reconciles each order's charges: the one payment recorded plus the extra ones it found, against the provider's
     * list. A charge only the provider knows is money payment will never refund; one only payment knows is a success
     * announced for nothing. A payment still {@code REFUNDING} may go either way and is payments-settled's to report.
     */
    static Check agreeWithProvider(AuditInput input) {
        if (input.charges() == null) {
            return ChargeRules.unread(Invariant.PAYMENTS_MATCH_PROVIDER);
        }
        Map<UUID, StoreReading.Payment> payments = input.stores().payments().stream()
                .collect(Collectors.toMap(StoreReading.Payment::orderId, Function.identity(), (a, b) -> a));
        Map<UUID, List<StoreReading.ExtraCharge>> extras = input.stores().extraCharges().stream()
                .collect(Collectors.groupingBy(StoreReading.ExtraCharge::orderId));
        Set<UUID> orders = new TreeSet<>(payments.keySet());
        orders.addAll(extras.keySet());
        orders.addAll(input.charges().byOrder().keySet());
        orders.removeAll(input.charges().unanswered());
        List<String> examples = new ArrayList<>();
        for (UUID order : orders) {
            Map<String, Charge> atProvider = new LinkedHashMap<>();
            input.charges().byOrder().getOrDefault(order, List.of()).forEach(c -> atProvider.put(c.id(), c));
            Map<String, Boolean> recorded = recorded(payments.get(order), extras.getOrDefault(order, List.of()));
            atProvider.forEach((id, charge) -> {
                if (!recorded.containsKey(id)) {
                    examples.add("%s: the provider made charge %s (%s), payment has no record of it"
                            .formatted(order, id, charge.status()));
                }
            });
            recorded.forEach((id, refunded) -> {
                Charge charge = atProvider.get(id);
                if (charge == null) {
                    examples.add("%s: payment records charge %s, the provider has none".formatted(order, id));
                }
                else if (refunded != null && refunded != charge.refunded()) {
                    examples.add("%s: charge %s is %s at the provider, %s by payment".formatted(order, id,
                            charge.status(), refunded ? "refunded" : "standing"));
                }
            });
        }
        return ChargeRules.judged(Invariant.PAYMENTS_MATCH_PROVIDER, input, examples, examples.size(),
                " disagreements between payment and the provider");
    }

    /** A payment still at work once the run settled is a customer's money in doubt or owed back. */
    static Check settled(AuditInput input) {
        List<String> examples = input.stores().payments().stream()
                .filter(p -> StoreReading.Payment.PENDING.equals(p.status())
                        || StoreReading.Payment.REFUNDING.equals(p.status()))
                .sorted((a, b) -> a.orderId().compareTo(b.orderId()))
                .map(p -> p.orderId() + ": payment still " + p.status())
                .toList();
        return Invariant.PAYMENTS_SETTLED.judged(examples, examples.size(),
                examples.size() + " of " + input.stores().payments().size() + " payments not settled");
    }

    /**
     * Orders charged twice and refunded since: found in the ledger (more than one charge, at most one standing) or in
     * payment's records (a refunded extra charge). The money came back, so the run still passes, but a customer saw
     * it taken twice: counted and listed, never silent. Orders with a duplicate still standing fail
     * one-charge-per-order instead.
     */
    static Check refundedDoubleCharges(AuditInput input) {
        Map<UUID, List<String>> found = new HashMap<>();
        Set<UUID> standing = new TreeSet<>();
        if (input.charges() != null) {
            input.charges().byOrder().forEach((order, charges) -> {
                long succeeded = charges.stream().filter(Charge::succeeded).count();
                long refunded = charges.stream().filter(Charge::refunded).count();
                if (succeeded > 1) {
                    standing.add(order);
                }
                else if (charges.size() > 1) {
                    found.computeIfAbsent(order, k -> new ArrayList<>())
                            .add(charges.size() + " charges at the provider, " + refunded + " refunded");
                }
            });
        }
        input.stores().extraCharges().forEach(extra -> {
            if (!extra.refunded()) {
                standing.add(extra.orderId());
            }
            else {
                found.computeIfAbsent(extra.orderId(), k -> new ArrayList<>())
                        .add("payment refunded extra charge " + extra.chargeId());
            }
        });
        standing.forEach(found::remove);
        List<String> examples = found.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + String.join("; ", e.getValue())).toList();
        long count = examples.size();
        String unknown = input.charges() == null ? ChargeRules.LEDGER_NOT_READ
                : input.charges().unanswered().isEmpty() ? null
                : "charges unknown for " + input.charges().unanswered().size() + " orders";
        Check.Status status = unknown != null ? Check.Status.UNVERIFIED
                : count > 0 ? Check.Status.INCIDENT : Check.Status.PASS;
        return Invariant.REFUNDED_DOUBLE_CHARGES.withStatus(status, count,
                count + " orders charged twice and refunded" + (unknown == null ? "" : "; " + unknown), examples);
    }

    /** Every charge payment knows of for an order, with whether it counts it refunded (null: it may be either). */
    private static Map<String, Boolean> recorded(StoreReading.Payment payment, List<StoreReading.ExtraCharge> extras) {
        Map<String, Boolean> recorded = new LinkedHashMap<>();
        if (payment != null && payment.chargeId() != null) {
            recorded.put(payment.chargeId(), switch (payment.status()) {
                case StoreReading.Payment.REFUNDED -> Boolean.TRUE;
                case StoreReading.Payment.SUCCEEDED -> Boolean.FALSE;
                default -> null;
            });
        }
        extras.forEach(extra -> recorded.put(extra.chargeId(), extra.refunded() ? Boolean.TRUE : null));
        return recorded;
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.shopscale.loadtest.report.Latency;
import org.HdrHistogram.Histogram;

/**
 * The business invariants, judged on ground truth alone. Pure: the same input always gives the same checks, which is
 * what lets the rules be tested with made-up stores.
 */
public final class Auditor {

    private Auditor() {
    }

    /**
     * Reads the ground truth of a run (the stores at one moment; then the provider's charges of every order they
     * name, unless {@code ledger} is null) and judges it against the baseline taken before the load.
     */
    public static Audit audit(GroundTruth truth, ChargeLedger ledger, Baseline before, RunScope scope, Answers answers,
                              List<String> hotSkus) throws AuditException, InterruptedException {
        StoreReading stores = truth.read(scope);
        ChargeLedger.Lookup charges = null;
        if (ledger != null) {
            Set<UUID> ids = new HashSet<>(scope.accepted());
            stores.orders().forEach(order -> ids.add(order.id()));
            stores.payments().forEach(payment -> ids.add(payment.orderId()));
            stores.extraCharges().forEach(extra -> ids.add(extra.orderId()));
            charges = ledger.charges(ids);
        }
        return audit(new AuditInput(scope, before.stock(), stores, charges, answers, hotSkus));
    }

    public static Audit audit(AuditInput input) {
        Map<UUID, OrderRecord> orders = new HashMap<>();
        input.orders().forEach(order -> orders.put(order.id(), order));
        List<Check> checks = List.of(noOversell(input), stockConserved(input),
                InventoryRules.unitsSoldMatchOrders(input, orders), InventoryRules.reservationsSettled(input, orders),
                InventoryRules.reservationsMatchOrders(input, orders), acceptedOrdersFinal(input, orders),
                ordersFinal(input, orders),
                ChargeRules.onePerOrder(input), ChargeRules.confirmedPaid(input, orders),
                ChargeRules.chargedConfirmed(input, orders), ChargeRules.amountsMatch(input, orders),
                PaymentRules.agreeWithProvider(input), PaymentRules.settled(input),
                PaymentRules.refundedDoubleCharges(input), IdempotencyRules.resends(input),
                IdempotencyRules.keys(input), ServerErrorRules.noUnintended5xx(input));
        return new Audit(checks, facts(input, orders));
    }

    /** Every invariant, unjudged because the ground truth could not be read. */
    public static List<Check> unverified(String reason) {
        return Stream.of(Invariant.values())
                .map(invariant -> invariant.withStatus(Check.Status.UNVERIFIED, 0, reason, List.of()))
                .toList();
    }

    static Check noOversell(AuditInput input) {
        List<String> examples = new ArrayList<>();
        long units = 0;
        for (StockLevel after : sorted(input.after())) {
            StockLevel before = input.before().get(after.sku());
            long startTotal = before == null ? after.total() : before.total();
            long over = Math.max(0, Math.max(-after.available(), after.reserved() + after.sold() - startTotal));
            if (over > 0) {
                units += over;
                examples.add("%s: %d units over (available %d, reserved %d, sold %d; %d at the start)"
                        .formatted(after.sku(), over, after.available(), after.reserved(), after.sold(), startTotal));
            }
        }
        return Invariant.NO_OVERSELL.judged(examples, units, units + " units oversold");
    }

    static Check stockConserved(AuditInput input) {
        List<String> examples = new ArrayList<>();
        for (StockLevel before : sorted(input.before())) {
            StockLevel after = input.after().get(before.sku());
            if (after == null) {
                examples.add(before.sku() + ": gone from inventory.stock");
            }
            else if (after.total() != before.total()) {
                examples.add("%s: available + reserved + sold was %d, is %d".formatted(before.sku(), before.total(),
                        after.total()));
            }
        }
        return Invariant.STOCK_CONSERVED.judged(examples, examples.size(),
                examples.size() + " of " + input.before().size() + " SKUs changed total");
    }

    static Check acceptedOrdersFinal(AuditInput input, Map<UUID, OrderRecord> orders) {
        List<String> examples = new ArrayList<>();
        long missing = 0;
        long notFinal = 0;
        for (UUID id : input.accepted().stream().sorted().toList()) {
            OrderRecord order = orders.get(id);
            if (order == null) {
                missing++;
                examples.add(id + ": answered 202 but not stored");
            }
            else if (!order.isFinal()) {
                notFinal++;
                examples.add(id + ": still " + order.status());
            }
        }
        return Invariant.ACCEPTED_ORDERS_FINAL.judged(examples, missing + notFinal,
                "%d accepted; %d not final, %d not stored".formatted(input.accepted().size(), notFinal, missing));
    }

    /** The orders no client was told about too: an answer lost on its way leaves an order only the stores know. */
    static Check ordersFinal(AuditInput input, Map<UUID, OrderRecord> orders) {
        List<String> examples = orders.values().stream().filter(order -> !order.isFinal())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .map(order -> order.id() + ": still " + order.status()
                        + (input.accepted().contains(order.id()) ? "" : " (never answered 202 to the run)"))
                .toList();
        return Invariant.ORDERS_FINAL.judged(examples, examples.size(),
                examples.size() + " of " + orders.size() + " orders not final");
    }

    private static AuditFacts facts(AuditInput input, Map<UUID, OrderRecord> orders) {
        long confirmed = 0;
        long cancelled = 0;
        long pending = 0;
        long unseen = 0;
        long others = 0;
        Map<String, Long> reasons = new TreeMap<>();
        Histogram toFinal = new Histogram(TimeUnit.HOURS.toMicros(24), 2);
        for (OrderRecord order : orders.values()) {
            switch (order.status()) {
                case OrderRecord.CONFIRMED -> confirmed++;
                case OrderRecord.CANCELLED -> {
                    cancelled++;
                    reasons.merge(String.valueOf(order.cancelReason()), 1L, Long::sum);
                }
                default -> pending++;
            }
            if (order.isFinal()) {
                long micros = Duration.between(order.placedAt(), order.updatedAt()).toNanos() / 1000;
                toFinal.recordValue(Math.clamp(micros, 0, toFinal.getHighestTrackableValue()));
            }
            if (!input.accepted().contains(order.id())) {
                if (input.scope().shoppers().contains(order.userId())) {
                    unseen++;
                }
                else {
                    others++;
                }
            }
        }
        long sold = 0;
        for (StockLevel after : input.after().values()) {
            StockLevel before = input.before().get(after.sku());
            sold += after.sold() - (before == null ? 0 : before.sold());
        }
        List<Charge> charges = input.charges() == null ? List.of() : input.charges().byOrder().values().stream()
                .flatMap(List::stream).toList();
        int unknown = input.charges() == null ? 0 : input.charges().unanswered().size();
        List<AuditFacts.HotSku> hot = input.hotSkus().stream()
                .filter(sku -> input.before().containsKey(sku))
                .map(sku -> new AuditFacts.HotSku(sku, input.before().get(sku), input.after().get(sku)))
                .toList();
        return new AuditFacts(orders.size(), input.accepted().size(), confirmed, cancelled, pending, reasons, unseen,
                others, Latency.of(toFinal), sold, charges.stream().filter(Charge::succeeded).count(),
                charges.stream().filter(Charge::refunded).count(), unknown, hot);
    }

    private static List<StockLevel> sorted(Map<String, StockLevel> stock) {
        return stock.values().stream().sorted((a, b) -> a.sku().compareTo(b.sku())).toList();
    }

    /** The checks and the facts. */
    public record Audit(List<Check> checks, AuditFacts facts) {

        public boolean passed() {
            return checks.stream().noneMatch(Check::failed);
        }
    }
}

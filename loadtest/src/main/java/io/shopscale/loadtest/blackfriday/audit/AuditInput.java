package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the auditor judges. Stock and orders come from the stores, charges from the provider ({@code null} when
 * charge checks are off); the accepted ids, the hot SKUs and the resends answered with another order are the only
 * things taken from the generator, and only to know which rows to look at.
 */
public record AuditInput(Map<String, StockLevel> before, Map<String, StockLevel> after, Set<UUID> accepted,
        List<OrderRecord> orders, ChargeLedger.Lookup charges, List<String> hotSkus, List<String> replayMismatches) {

    public AuditInput {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
        accepted = Set.copyOf(accepted);
        orders = List.copyOf(orders);
        hotSkus = List.copyOf(hotSkus);
        replayMismatches = List.copyOf(replayMismatches);
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the auditor judges. Stock, orders, reservations and payments come from the stores, charges from the provider
 * ({@code null} when its ledger was not read); the scope and the answers are the only things taken from the
 * generator: which rows to look at, and what it was told.
 */
public record AuditInput(RunScope scope, Map<String, StockLevel> before, StoreReading stores,
        ChargeLedger.Lookup charges, Answers answers, List<String> hotSkus) {

    public AuditInput {
        before = Map.copyOf(before);
        hotSkus = List.copyOf(hotSkus);
    }

    Map<String, StockLevel> after() {
        return stores.stock();
    }

    List<OrderRecord> orders() {
        return stores.orders();
    }

    Set<UUID> accepted() {
        return scope.accepted();
    }
}

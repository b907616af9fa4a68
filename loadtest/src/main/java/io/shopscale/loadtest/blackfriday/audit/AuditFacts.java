package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.report.Latency;

/**
 * What the stores say the run did, beyond pass and fail.
 *
 * @param stored          orders of the run's shoppers in the database
 * @param unseen          stored orders whose 202 the generator never saw (it timed out, or the answer was lost)
 * @param placedToFinalMs from {@code placed_at} to the final status's {@code updated_at}, per the database
 * @param unitsSold       units that moved to sold during the run, over all SKUs
 */
public record AuditFacts(int stored, int accepted, long confirmed, long cancelled, long pending,
        Map<String, Long> cancelReasons, long unseen, Latency placedToFinalMs, long unitsSold,
        long succeededCharges, int chargesUnknown, List<HotSku> hotSkus) {

    /** A flash-sale SKU before and after: how many of its units were sold or are still reserved. */
    public record HotSku(String sku, StockLevel before, StockLevel after) {
    }
}

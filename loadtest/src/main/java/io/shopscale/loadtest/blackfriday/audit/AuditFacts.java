package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.report.Latency;

/**
 * What the stores say the run did, beyond pass and fail.
 *
 * @param stored          orders of the run in the database: its shoppers', its accepted ids, and any other placed or
 *                        finished during it
 * @param unseen          the shoppers' stored orders whose 202 the generator never saw (it timed out, or the answer
 *                        was lost)
 * @param others          stored orders of the run that its shoppers did not place: other traffic, or earlier orders
 *                        that finished during it
 * @param placedToFinalMs from {@code placed_at} to the final status's {@code updated_at}, per the database
 * @param unitsSold       units that moved to sold during the run, over all SKUs
 * @param refundedCharges charges the provider made for the run's orders and refunded
 */
public record AuditFacts(int stored, int accepted, long confirmed, long cancelled, long pending,
        Map<String, Long> cancelReasons, long unseen, long others, Latency placedToFinalMs, long unitsSold,
        long succeededCharges, long refundedCharges, int chargesUnknown, List<HotSku> hotSkus) {

    /** A flash-sale SKU before and after: how many of its units were sold or are still reserved. */
    public record HotSku(String sku, StockLevel before, StockLevel after) {
    }
}

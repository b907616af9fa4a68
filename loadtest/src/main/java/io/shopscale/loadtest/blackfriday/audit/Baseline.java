package io.shopscale.loadtest.blackfriday.audit;

import java.time.Instant;
import java.util.Map;

/**
 * Every SKU's stock before the load and the database's clock at that moment, read in one transaction: the run's
 * window starts where the stock it is compared with was taken.
 */
public record Baseline(Instant at, Map<String, StockLevel> stock) {

    public Baseline {
        stock = Map.copyOf(stock);
    }
}

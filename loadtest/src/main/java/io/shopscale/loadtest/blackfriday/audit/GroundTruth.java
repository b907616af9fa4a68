package io.shopscale.loadtest.blackfriday.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stores the platform keeps its state in, read directly: what happened, as opposed to what clients were told. */
public interface GroundTruth {

    /** Every SKU's stock now. */
    Map<String, StockLevel> stock() throws AuditException;

    /** The orders placed by any of {@code userIds}, plus any of {@code orderIds} (whoever placed them). */
    List<OrderRecord> orders(Collection<String> userIds, Collection<UUID> orderIds) throws AuditException;

    /** How many of those orders are still {@code PENDING_PAYMENT}. */
    long pending(Collection<String> userIds, Collection<UUID> orderIds) throws AuditException;
}

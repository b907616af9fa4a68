package io.shopscale.orders.unsold;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventType;
import io.shopscale.orders.events.OrderEventPublisher;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderStatus;
import io.shopscale.orders.order.Orders;
import io.shopscale.orders.order.StatusChange;
import io.shopscale.platform.events.Inbox;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compensates a confirmed order whose stock inventory could not sell: the order is cancelled as out of stock and
 * {@code order.cancelled} goes out in the same transaction as the inbox row, so payment refunds the charge and the
 * customer sees why. Applied once per refusal, however often it is delivered.
 */
@Component
class UnsoldOrders {

    private static final Logger log = LoggerFactory.getLogger(UnsoldOrders.class);

    private final Orders orders;
    private final OrderEventPublisher events;
    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UnsoldOrders(Orders orders, OrderEventPublisher events, JdbcClient jdbc, MeterRegistry metrics,
                 PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.inbox = new Inbox(jdbc);
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    void apply(SaleRefusal refusal) {
        String result = transactions.execute(status -> {
            if (!inbox.firstDelivery(refusal.id(), EventType.INVENTORY_SALE_REFUSED)) {
                return "duplicate";
            }
            Optional<Order> found = orders.lock(refusal.orderId());
            if (found.isEmpty()) {
                log.warn("inventory refused to sell order {}, which does not exist", refusal.orderId());
                return "missing";
            }
            Order order = found.get();
            if (order.status() != OrderStatus.CONFIRMED) {
                // Cancelled already: its cancellation gave the stock back and had payment refund any charge.
                return "settled";
            }
            StatusChange change = order.cancelUnsold(clock.instant());
            orders.update(order, change);
            events.cancelled(order, change);
            log.error("order {} was paid but inventory could not sell its stock (reservation {}): cancelled as out of"
                    + " stock, the charge is refunded", order.id(), refusal.reservationState());
            return "cancelled";
        });
        metrics.counter("orders.inventory.events", "type", EventType.INVENTORY_SALE_REFUSED.type(), "result", result)
                .increment();
    }
}

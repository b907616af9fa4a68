package io.shopscale.orders.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.orders.events.OrderEventPublisher;
import io.shopscale.orders.order.CancelReason;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderStatus;
import io.shopscale.orders.order.Orders;
import io.shopscale.orders.order.StatusChange;
import io.shopscale.platform.events.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes the checkout saga from the payment's verdict, exactly once: the inbox row, the order's transition and
 * the resulting {@code order.confirmed} or {@code order.cancelled} (for inventory) commit together. The order is
 * locked while it changes, so the expiry job and a payment event never both move it. A verdict the order's state
 * refuses (a duplicate under a new event id, a payment after the order was cancelled) changes nothing and is
 * counted, not retried: retrying cannot change the answer.
 */
@Component
class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final Orders orders;
    private final OrderEventPublisher events;
    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentOutcomes(Orders orders, OrderEventPublisher events, JdbcClient jdbc, MeterRegistry metrics,
                    PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.inbox = new Inbox(jdbc);
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    void apply(PaymentEvent event) {
        String result = transactions.execute(status -> {
            if (!inbox.firstDelivery(event.id(), event.type())) {
                return "duplicate";
            }
            Optional<Order> found = orders.lock(event.orderId());
            if (found.isEmpty()) {
                log.warn("payment event {} names order {}, which does not exist", event.id(), event.orderId());
                return "missing";
            }
            Order order = found.get();
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                return refused(event, order);
            }
            Instant now = clock.instant();
            if (event.succeeded() && order.isPaymentOverdue(now)) {
                // Paid too late: the stock was only promised until the deadline. The cancellation reaches payment,
                // which refunds the charge, and inventory, which gives back whatever is still held.
                StatusChange change = order.expire(now);
                orders.update(order, change);
                events.cancelled(order, change);
                log.warn("order {} was paid after its deadline {}: cancelled, the charge is refunded", order.id(),
                        order.paymentDeadline());
                return "paid-too-late";
            }
            if (event.succeeded()) {
                StatusChange change = order.confirm(now);
                orders.update(order, change);
                events.confirmed(order, change);
            } else {
                StatusChange change = order.cancel(CancelReason.valueOf(event.failure().name()), now);
                orders.update(order, change);
                events.cancelled(order, change);
            }
            return "applied";
        });
        metrics.counter("orders.payment.events", "type", event.type().type(), "result", result).increment();
    }

    private static String refused(PaymentEvent event, Order order) {
        boolean sameVerdict = event.succeeded() == (order.status() == OrderStatus.CONFIRMED);
        if (sameVerdict) {
            return "settled";
        }
        if (event.succeeded()) {
            // Payment refunds it: it learnt of the cancellation from order.cancelled, which every cancellation sends.
            log.warn("order {} was paid (event {}) after it was cancelled ({}); payment refunds the charge",
                    order.id(), event.id(), order.cancelReason());
            return "paid-after-cancel";
        }
        log.warn("payment event {} says order {} failed, but it is already {}", event.id(), order.id(),
                order.status());
        return "refused";
    }
}

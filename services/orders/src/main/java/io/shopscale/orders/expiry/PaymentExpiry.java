package io.shopscale.orders.expiry;

import io.shopscale.orders.OrdersProperties;
import io.shopscale.orders.events.OrderEventPublisher;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.Orders;
import io.shopscale.orders.order.StatusChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders whose payment did not arrive in time (past the deadline and its grace), batch by batch: each batch locks its orders with
 * {@code SKIP LOCKED}, cancels them, records the change and queues {@code order.cancelled} (inventory gives the
 * stock back) in one transaction. Instances running this side by side take disjoint batches.
 */
@Component
class PaymentExpiry {

    private static final Logger log = LoggerFactory.getLogger(PaymentExpiry.class);

    private final Orders orders;
    private final OrderEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final Duration grace;

    PaymentExpiry(Orders orders, OrderEventPublisher events, TransactionTemplate transactions, Clock clock,
                  OrdersProperties properties) {
        this.orders = orders;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = properties.expiryBatch();
        this.grace = properties.expiryGrace();
    }

    @Scheduled(fixedDelayString = "${shopscale.orders.expiry-interval:5s}")
    void expireOverdueOrders() {
        try {
            int expired;
            do {
                expired = expireBatch();
            } while (expired == batchSize);
        } catch (RuntimeException e) {
            log.warn("could not expire overdue orders: {}", e.getMessage());
        }
    }

    /** Expires one batch; returns how many orders it cancelled. */
    int expireBatch() {
        Integer expired = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Order> overdue = orders.lockOverdue(now.minus(grace), batchSize);
            for (Order order : overdue) {
                StatusChange change = order.expire(now);
                orders.update(order, change);
                events.cancelled(order, change);
            }
            return overdue.size();
        });
        if (expired != null && expired > 0) {
            log.info("cancelled {} orders whose payment deadline passed", expired);
        }
        return expired == null ? 0 : expired;
    }
}

package io.shopscale.orders.checkout;

import io.shopscale.orders.events.OrderEventPublisher;
import io.shopscale.orders.idempotency.Claim;
import io.shopscale.orders.idempotency.IdempotencyKeys;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderId;
import io.shopscale.orders.order.Orders;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one transaction that makes an order real: the key's answer, the order with its lines and history, and the
 * {@code order.placed} event in the outbox commit together or not at all.
 */
@Component
class OrderPlacement {

    private final IdempotencyKeys keys;
    private final Orders orders;
    private final OrderEventPublisher events;

    OrderPlacement(IdempotencyKeys keys, Orders orders, OrderEventPublisher events) {
        this.keys = keys;
        this.orders = orders;
        this.events = events;
    }

    // The key is completed first: that row lock is what keeps a request that took over the key from placing the
    // same order a second time.
    @Transactional
    void save(Order order, Claim.Acquired claim, String response) {
        keys.complete(claim, CheckoutResult.ACCEPTED, response);
        orders.add(order);
        events.placed(order);
    }

    /** Whether the order is stored, read afresh; {@code UNKNOWN} when the store cannot be asked. */
    Stored storedOrNot(OrderId id) {
        try {
            return orders.find(id).isPresent() ? Stored.STORED : Stored.ABSENT;
        } catch (DataAccessException | TransactionException e) {
            return Stored.UNKNOWN;
        }
    }

    enum Stored { STORED, ABSENT, UNKNOWN }
}

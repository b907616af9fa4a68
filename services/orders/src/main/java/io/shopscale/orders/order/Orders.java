package io.shopscale.orders.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders are kept. Implementations join the caller's transaction. */
public interface Orders {

    /** Stores a newly placed order with its lines and history. */
    void add(Order order);

    /** Stores a transition the order just made. */
    void update(Order order, StatusChange change);

    Optional<Order> find(OrderId id);

    /** The order, locked until this transaction ends, so that no one else moves it meanwhile. */
    Optional<Order> lock(OrderId id);

    /** A page of one user's orders, newest first. */
    OrderPage pageOf(String userId, int page, int size);

    /**
     * Up to {@code limit} orders still waiting for payment past their deadline, locked for this transaction;
     * orders another transaction holds are skipped, so several instances can expire orders side by side.
     */
    List<Order> lockOverdue(Instant now, int limit);
}

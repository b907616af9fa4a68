package io.shopscale.orders.order;

/** An order was asked to move to a status its current one does not lead to. */
public class IllegalTransitionException extends IllegalStateException {

    IllegalTransitionException(OrderId id, OrderStatus from, OrderStatus to) {
        super("Order " + id + " is " + from + " and cannot become " + to + ".");
    }
}

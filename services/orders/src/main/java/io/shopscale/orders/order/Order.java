package io.shopscale.orders.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order aggregate. It is placed waiting for payment and then either confirmed or cancelled, once: the
 * transitions are guarded here, and each one is recorded in the order's history.
 */
public final class Order {

    public static final int MAX_LINES = 100;

    private final OrderId id;
    private final String userId;
    private final List<OrderLine> lines;
    private final String currency;
    private final long total;
    private final Instant placedAt;
    private final Instant paymentDeadline;
    private final List<StatusChange> history;
    private OrderStatus status;
    private CancelReason cancelReason;

    private Order(OrderId id, String userId, List<OrderLine> lines, String currency, Instant placedAt,
                  Instant paymentDeadline, List<StatusChange> history) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
        this.paymentDeadline = Objects.requireNonNull(paymentDeadline, "paymentDeadline");
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has between 1 and " + MAX_LINES + " lines");
        }
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an order's history starts when it is placed");
        }
        this.lines = List.copyOf(lines);
        this.total = lines.stream().mapToLong(OrderLine::subtotal).reduce(0, Math::addExact);
        this.history = new ArrayList<>(history);
        StatusChange last = history.getLast();
        this.status = last.status();
        this.cancelReason = last.reason();
    }

    /** A new order, waiting for payment until {@code paymentDeadline}, which must be after {@code now}. */
    public static Order place(OrderId id, String userId, List<OrderLine> lines, String currency, Instant now,
                              Instant paymentDeadline) {
        if (!paymentDeadline.isAfter(now)) {
            throw new IllegalArgumentException("a payment deadline of " + paymentDeadline + " is already past");
        }
        return new Order(id, userId, lines, currency, now, paymentDeadline,
                List.of(new StatusChange(OrderStatus.PENDING_PAYMENT, null, now)));
    }

    /** An order as it was stored, history in order. */
    public static Order restore(OrderId id, String userId, List<OrderLine> lines, String currency, Instant placedAt,
                                Instant paymentDeadline, List<StatusChange> history) {
        return new Order(id, userId, lines, currency, placedAt, paymentDeadline, history);
    }

    /**
     * Payment arrived in time: the order is sold. Past its deadline an order is never confirmed, however it was
     * paid: its stock is only promised until then.
     */
    public StatusChange confirm(Instant at) {
        if (at.isAfter(paymentDeadline)) {
            throw new IllegalStateException("Order " + id + " cannot be confirmed at " + at + ": its payment deadline "
                    + paymentDeadline + " has passed.");
        }
        return transition(new StatusChange(OrderStatus.CONFIRMED, null, at));
    }

    /**
     * Inventory could not sell a confirmed order's stock (its reservation had lapsed and the units went to someone
     * else): the order will not be fulfilled after all, and its payment is to be given back.
     */
    public StatusChange cancelUnsold(Instant at) {
        StatusChange change = new StatusChange(OrderStatus.CANCELLED, CancelReason.OUT_OF_STOCK, at);
        if (status != OrderStatus.CONFIRMED) {
            throw new IllegalTransitionException(id, status, change.status());
        }
        status = change.status();
        cancelReason = change.reason();
        history.add(change);
        return change;
    }

    /** The order will not be fulfilled. */
    public StatusChange cancel(CancelReason reason, Instant at) {
        return transition(new StatusChange(OrderStatus.CANCELLED, Objects.requireNonNull(reason, "reason"), at));
    }

    /** Cancels the order as expired if its payment deadline has passed. */
    public StatusChange expire(Instant now) {
        if (!isPaymentOverdue(now)) {
            throw new IllegalStateException("Order " + id + " is not overdue until " + paymentDeadline + ".");
        }
        return cancel(CancelReason.EXPIRED, now);
    }

    public boolean isPaymentOverdue(Instant now) {
        return status == OrderStatus.PENDING_PAYMENT && now.isAfter(paymentDeadline);
    }

    private StatusChange transition(StatusChange change) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw new IllegalTransitionException(id, status, change.status());
        }
        status = change.status();
        cancelReason = change.reason();
        history.add(change);
        return change;
    }

    public boolean belongsTo(String user) {
        return userId.equals(user);
    }

    public OrderId id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public String currency() {
        return currency;
    }

    /** The sum of the lines in minor units, computed here and never taken from a client. */
    public long total() {
        return total;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant paymentDeadline() {
        return paymentDeadline;
    }

    public OrderStatus status() {
        return status;
    }

    /** {@code null} unless cancelled. */
    public CancelReason cancelReason() {
        return cancelReason;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }
}

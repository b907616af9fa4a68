package io.shopscale.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Order placed() {
        return Order.place(OrderId.random(), "user-1",
                List.of(new OrderLine("HKT-00001", 2, 1_299), new OrderLine("LGT-00002", 1, 2_599)), "USD", NOW,
                NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aPlacedOrderWaitsForPaymentAndTotalsItsLines() {
        Order order = placed();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.total()).isEqualTo(2 * 1_299 + 2_599);
        assertThat(order.paymentDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(order.history()).containsExactly(new StatusChange(OrderStatus.PENDING_PAYMENT, null, NOW));
    }

    @Test
    void confirmingRecordsTheChangeOnce() {
        Order order = placed();

        order.confirm(NOW.plusSeconds(30));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.history()).hasSize(2);
        assertThatThrownBy(() -> order.confirm(NOW.plusSeconds(40))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> order.cancel(CancelReason.PAYMENT_DECLINED, NOW.plusSeconds(40)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aCancelledOrderKeepsItsReasonAndCannotBeConfirmed() {
        Order order = placed();

        order.cancel(CancelReason.PAYMENT_DECLINED, NOW.plusSeconds(5));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelReason()).isEqualTo(CancelReason.PAYMENT_DECLINED);
        assertThatThrownBy(() -> order.confirm(NOW.plusSeconds(6))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyAnOverdueOrderExpires() {
        Order order = placed();

        assertThat(order.isPaymentOverdue(NOW.plus(Duration.ofMinutes(10)))).isFalse();
        assertThatThrownBy(() -> order.expire(NOW.plus(Duration.ofMinutes(5)))).isInstanceOf(IllegalStateException.class);

        StatusChange change = order.expire(NOW.plus(Duration.ofMinutes(11)));

        assertThat(change).isEqualTo(new StatusChange(OrderStatus.CANCELLED, CancelReason.EXPIRED,
                NOW.plus(Duration.ofMinutes(11))));
        assertThat(order.isPaymentOverdue(NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void aRestoredOrderResumesFromItsLastStatus() {
        Order order = Order.restore(OrderId.random(), "user-1", List.of(new OrderLine("HKT-00001", 1, 100)), "USD",
                NOW, NOW.plusSeconds(600), List.of(new StatusChange(OrderStatus.PENDING_PAYMENT, null, NOW),
                        new StatusChange(OrderStatus.CANCELLED, CancelReason.EXPIRED, NOW.plusSeconds(601))));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelReason()).isEqualTo(CancelReason.EXPIRED);
    }

    @Test
    void linesAndTotalsStayWithinBounds() {
        assertThatThrownBy(() -> new OrderLine("HKT-00001", 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderLine("HKT-00001", 100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderLine("HKT-00001", 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.place(OrderId.random(), "u", List.of(), "USD", NOW, NOW.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderLine("HKT-00001", 99, Long.MAX_VALUE / 2).subtotal())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anOrderIsNeverPlacedWithADeadlineAlreadyPast() {
        assertThatThrownBy(() -> Order.place(OrderId.random(), "u", List.of(new OrderLine("HKT-00001", 1, 100)),
                "USD", NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPaymentThatArrivesAfterTheDeadlineCannotConfirmTheOrder() {
        Order order = placed();

        assertThatThrownBy(() -> order.confirm(NOW.plus(Duration.ofMinutes(10)).plusMillis(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

        order.confirm(NOW.plus(Duration.ofMinutes(10)));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aConfirmedOrderWhoseStockCouldNotBeSoldIsCancelledOutOfStock() {
        Order order = placed();
        order.confirm(NOW.plusSeconds(30));

        StatusChange change = order.cancelUnsold(NOW.plusSeconds(40));

        assertThat(change).isEqualTo(new StatusChange(OrderStatus.CANCELLED, CancelReason.OUT_OF_STOCK,
                NOW.plusSeconds(40)));
        assertThat(order.history()).extracting(StatusChange::status).containsExactly(OrderStatus.PENDING_PAYMENT,
                OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
        assertThatThrownBy(() -> order.cancelUnsold(NOW.plusSeconds(50))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> placed().cancelUnsold(NOW)).isInstanceOf(IllegalTransitionException.class);
    }
}

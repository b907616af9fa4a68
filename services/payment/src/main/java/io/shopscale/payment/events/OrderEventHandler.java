package io.shopscale.payment.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.payment.charging.PaymentIntake;
import io.shopscale.platform.events.Inbox;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an order event exactly once: the inbox row and the payment's change commit together, so a redelivered
 * event finds its id and does nothing. The transaction is short: no provider call happens here.
 */
@Component
class OrderEventHandler {

    private final PaymentIntake intake;
    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;

    OrderEventHandler(PaymentIntake intake, JdbcClient jdbc, MeterRegistry metrics,
                      PlatformTransactionManager transactionManager) {
        this.intake = intake;
        this.inbox = new Inbox(jdbc);
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    void handle(OrderEvent event) {
        String result = transactions.execute(status -> {
            if (!inbox.firstDelivery(event.id(), event.type())) {
                return "duplicate";
            }
            PaymentIntake.Result applied = switch (event) {
                case OrderEvent.Placed placed -> intake.requested(placed.terms());
                case OrderEvent.Cancelled cancelled -> intake.orderCancelled(cancelled.orderId(), cancelled.reason());
            };
            return applied.name().toLowerCase(Locale.ROOT);
        });
        metrics.counter("payment.order.events", "type", event.type().type(), "result", result).increment();
    }
}

package io.shopscale.orders.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.orders.events.IncomingEvents;
import io.shopscale.platform.events.TransientFailures;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** Payment's verdicts are consumed as orders consumes every incoming event ({@link IncomingEvents}). */
@Configuration(proxyBeanMethods = false)
class PaymentEventConsumption {

    static final String METRICS = "orders.payment.events";

    @Bean
    TransientFailures paymentEventRetries(MeterRegistry metrics,
            @Value("${shopscale.orders.payment-events.initial-backoff:500ms}") Duration initialBackoff,
            @Value("${shopscale.orders.payment-events.max-backoff:10s}") Duration maxBackoff) {
        return new TransientFailures(metrics, METRICS, new TransientFailures.Backoff(initialBackoff, maxBackoff));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> paymentEventContainerFactory(
            KafkaProperties kafka, MeterRegistry metrics, TransientFailures paymentEventRetries,
            @Value("${shopscale.orders.payment-events.concurrency:2}") int concurrency) {
        return IncomingEvents.containerFactory(kafka, metrics, METRICS, paymentEventRetries, concurrency);
    }
}

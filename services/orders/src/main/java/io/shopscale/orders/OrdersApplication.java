package io.shopscale.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import io.shopscale.platform.checkout.CheckoutTimings;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Checkout and the order state machine: PostgreSQL as the source of truth, stock reserved through inventory over
 * gRPC, order events out to Kafka through a transactional outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(CheckoutTimings.class)
@EnableScheduling
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}

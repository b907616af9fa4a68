package io.shopscale.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import io.shopscale.platform.checkout.CheckoutTimings;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Stock per SKU and reservations keyed by order id. PostgreSQL is the only source of truth, and every change of
 * stock is one conditional statement on its row, so no interleaving of callers can sell a unit twice.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(CheckoutTimings.class)
@EnableScheduling
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }
}

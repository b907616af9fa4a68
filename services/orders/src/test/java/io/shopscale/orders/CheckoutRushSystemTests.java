package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A rush of shoppers on one SKU, against a connection pool far smaller than the rush, with the pool's short timeout:
 * every shopper gets an answer about the stock (202 or 409) or is asked to come back (429), never a 503, because
 * the database is busy, not down.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=6",
        "spring.datasource.hikari.connection-timeout=500"})
class CheckoutRushSystemTests extends SystemTestSupport {

    private static final int SHOPPERS = 64;
    private static final int UNITS = 20;
    private static final String SKU = "ELC-00004";

    @Test
    void aRushOnOneSkuIsAnsweredWithStockOrBackPressureNeverUnavailable() throws Exception {
        collaborators.inventory.stock(SKU, UNITS);
        try {
            Map<Integer, Integer> statuses = rush();

            assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(202, 409, 429);
            assertThat(statuses.getOrDefault(202, 0)).as("statuses %s", statuses).isBetween(1, UNITS);
        } finally {
            collaborators.inventory.stock(SKU, Collaborators.PLENTY);
        }
    }

    private Map<Integer, Integer> rush() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SHOPPERS; i++) {
                answers.add(shoppers.submit(() -> {
                    start.await();
                    return checkout(newUser(), UUID.randomUUID().toString(), items(SKU, "1"));
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(1, TimeUnit.MINUTES);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 429) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            return statuses;
        }
    }
}

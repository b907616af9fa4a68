package io.shopscale.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider that takes 2 s per answer holds a bounded part of the service and nothing else of it. */
class SlowProviderSystemTests extends PaymentSystemTestSupport {

    private static final int PAYMENTS = 12;
    private static final int BULKHEAD = 4;
    // Well below the provider's 2 s: an answer this fast never waited for it.
    private static final Duration FAST = Duration.ofMillis(1_500);

    @Test
    void aSlowProviderNeverStallsHealthReadsOrIncomingOrders() throws Exception {
        PROVIDER.latency(Duration.ofSeconds(2));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            orders.add(placeOrder());
        }
        await().atMost(PATIENCE).until(() -> PROVIDER.slowInProgress() >= BULKHEAD);

        for (int i = 0; i < 5; i++) {
            assertFast("/actuator/health/readiness");
            assertFast("/api/admin/payments/" + orders.getFirst(), "ADMIN");
        }
        String late = placeOrder();
        await().atMost(Duration.ofSeconds(5)).until(() -> !status(late).equals("NONE"));
        orders.add(late);

        for (String order : orders) {
            awaitStatus(order, "SUCCEEDED");
            assertThat(PROVIDER.chargesFor(order)).hasSize(1);
        }
        assertThat(PROVIDER.maxSlowInProgress()).isEqualTo(BULKHEAD);
    }

    private void assertFast(String path, String... roles) throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = get(path, roles);
        Duration took = Duration.between(start, Instant.now());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        assertThat(took).as(path).isLessThan(FAST);
    }
}

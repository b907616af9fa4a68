package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A checkout that reserved stock and was never finished or retried gives its stock back within seconds. */
@TestPropertySource(properties = {
        "shopscale.orders.idempotency.abandoned-after=1s",
        "shopscale.orders.idempotency.abandoned-interval=200ms"})
class AbandonedCheckoutSystemTests extends SystemTestSupport {

    @Test
    void theStockOfACheckoutNobodyRetriedIsGivenBackAndALateRetryStartsAfresh() throws Exception {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        collaborators.inventory.mode(FakeInventory.Mode.ANSWER_LOST);
        HttpResponse<String> lost = checkout(user, key, items("FRN-00003", "2"));
        collaborators.inventory.mode(FakeInventory.Mode.NORMAL);
        assertProblem(lost, 503);
        String abandoned = collaborators.inventory.reservedOrderIds().getLast();
        assertThat(collaborators.inventory.holdsReservation(abandoned)).isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> !collaborators.inventory.holdsReservation(abandoned));
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE user_id = :user").param("user", user)
                .query(Long.class).single()).isZero();

        HttpResponse<String> retried = checkout(user, key, items("FRN-00003", "2"));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        String orderId = json.readTree(retried.body()).get("orderId").asString();
        assertThat(orderId).isNotEqualTo(abandoned);
        assertThat(collaborators.inventory.holdsReservation(orderId)).isTrue();
        assertThat(ordersOf(user)).isOne();
    }
}

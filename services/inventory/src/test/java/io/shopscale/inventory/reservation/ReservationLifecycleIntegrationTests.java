package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.inventory.v1.ConfirmRequest;
import io.shopscale.contracts.inventory.v1.Line;
import io.shopscale.contracts.inventory.v1.ReleaseRequest;
import io.shopscale.contracts.inventory.v1.ReservationStatus;
import io.shopscale.contracts.inventory.v1.ReserveRequest;
import io.shopscale.contracts.inventory.v1.ReserveResponse;
import io.shopscale.inventory.InventoryIntegrationTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every call is idempotent by order id, and unconfirmed reservations give their stock back on their own. */
class ReservationLifecycleIntegrationTests extends InventoryIntegrationTestBase {

    @Autowired
    Reservations reservations;

    @Autowired
    MeterRegistry meters;

    @Test
    void reservingTwiceAnswersTheSameAndTakesStockOnce() {
        String sku = newSku(10);
        String orderId = newOrderId();

        ReserveResponse first = inventory().reserve(reserveRequest(orderId, sku, 3));
        ReserveResponse second = inventory().reserve(reserveRequest(orderId, sku, 3));

        assertThat(first.getOutcome()).isEqualTo(ReserveResponse.Outcome.RESERVED);
        assertThat(Instant.ofEpochMilli(first.getExpiresAtEpochMillis()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(second).isEqualTo(first);
        assertThat(stock(sku)).isEqualTo(new Stock(7, 3, 0));
        assertThat(state(orderId)).isEqualTo("RESERVED");
    }

    @Test
    void duplicateSkusAreOneLineAndOtherLinesUnderTheSameOrderIdAreRefused() {
        String sku = newSku(10);
        String other = newSku(10);
        String orderId = newOrderId();
        ReserveRequest split = ReserveRequest.newBuilder().setOrderId(orderId)
                .addLines(Line.newBuilder().setSku(sku).setQuantity(2))
                .addLines(Line.newBuilder().setSku(sku).setQuantity(3))
                .build();

        assertThat(inventory().reserve(split).getOutcome()).isEqualTo(ReserveResponse.Outcome.RESERVED);
        // The merged form of the same request is the same reservation.
        assertThat(inventory().reserve(reserveRequest(orderId, sku, 5)).getOutcome())
                .isEqualTo(ReserveResponse.Outcome.RESERVED);
        assertStatus(() -> inventory().reserve(reserveRequest(orderId, sku, 4)), Status.Code.ALREADY_EXISTS);
        assertStatus(() -> inventory().reserve(reserveRequest(orderId, Map.of(sku, 5, other, 1))),
                Status.Code.ALREADY_EXISTS);
        assertThat(stock(sku)).isEqualTo(new Stock(5, 5, 0));
        assertThat(stock(other)).isEqualTo(new Stock(10, 0, 0));
    }

    @Test
    void releaseAndConfirmAreIdempotentAndFollowTheContract() {
        String sku = newSku(10);
        String released = newOrderId();
        String confirmed = newOrderId();
        inventory().reserve(reserveRequest(released, sku, 2));
        inventory().reserve(reserveRequest(confirmed, sku, 3));

        assertThat(release(released).getState()).isEqualTo(ReservationStatus.State.RELEASED);
        assertThat(release(released).getState()).isEqualTo(ReservationStatus.State.RELEASED);
        assertThat(confirm(confirmed).getState()).isEqualTo(ReservationStatus.State.CONFIRMED);
        assertThat(confirm(confirmed).getState()).isEqualTo(ReservationStatus.State.CONFIRMED);
        assertThat(stock(sku)).isEqualTo(new Stock(7, 0, 3));

        assertStatus(() -> confirm(released), Status.Code.FAILED_PRECONDITION);
        assertStatus(() -> release(confirmed), Status.Code.FAILED_PRECONDITION);
        assertStatus(() -> confirm(newOrderId()), Status.Code.NOT_FOUND);
        assertThat(release(newOrderId()).getState()).isEqualTo(ReservationStatus.State.NONE);
        // A released reservation is not revived by a late retry of its reserve call.
        assertStatus(() -> inventory().reserve(reserveRequest(released, sku, 2)), Status.Code.FAILED_PRECONDITION);
        // A confirmed one answers as its reserve call did.
        assertThat(inventory().reserve(reserveRequest(confirmed, sku, 3)).getOutcome())
                .isEqualTo(ReserveResponse.Outcome.RESERVED);
        assertThat(stock(sku)).isEqualTo(new Stock(7, 0, 3));
    }

    @Test
    void aShortReservationLeavesNothingBehindAndMaySucceedLaterUnderTheSameOrderId() {
        String plenty = newSku(10);
        String scarce = newSku(1);
        String orderId = newOrderId();

        ReserveResponse answer = inventory().reserve(reserveRequest(orderId, Map.of(plenty, 4, scarce, 2)));

        assertThat(answer.getOutcome()).isEqualTo(ReserveResponse.Outcome.INSUFFICIENT_STOCK);
        assertThat(answer.getShortagesList()).singleElement().satisfies(shortage -> {
            assertThat(shortage.getSku()).isEqualTo(scarce);
            assertThat(shortage.getRequested()).isEqualTo(2);
            assertThat(shortage.getAvailable()).isEqualTo(1);
        });
        assertThat(state(orderId)).isEqualTo("NONE");
        assertThat(stock(plenty)).isEqualTo(new Stock(10, 0, 0));
        assertThat(stock(scarce)).isEqualTo(new Stock(1, 0, 0));

        jdbc.sql("UPDATE stock SET available = 5 WHERE sku = :sku").param("sku", scarce).update();
        assertThat(inventory().reserve(reserveRequest(orderId, Map.of(plenty, 4, scarce, 2))).getOutcome())
                .isEqualTo(ReserveResponse.Outcome.RESERVED);
        assertThat(stock(plenty)).isEqualTo(new Stock(6, 4, 0));
        assertThat(stock(scarce)).isEqualTo(new Stock(3, 2, 0));
    }

    @Test
    void everyShortLineIsReported() {
        String a = newSku(1);
        String b = newSku(10);
        String c = newSku(0);

        ReserveResponse answer = inventory().reserve(reserveRequest(newOrderId(), Map.of(a, 2, b, 3, c, 1)));

        assertThat(answer.getOutcome()).isEqualTo(ReserveResponse.Outcome.INSUFFICIENT_STOCK);
        assertThat(answer.getShortagesList()).extracting(s -> s.getSku() + ":" + s.getRequested() + "/" + s.getAvailable())
                .containsExactlyInAnyOrder(a + ":2/1", c + ":1/0");
    }

    @Test
    void badRequestsAreInvalidArgumentAndUnknownSkusNotFound() {
        String sku = newSku(10);
        assertStatus(() -> inventory().reserve(reserveRequest("not-a-uuid", sku, 1)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> inventory().reserve(reserveRequest("1-2-3-4-5", sku, 1)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> inventory().reserve(ReserveRequest.newBuilder().setOrderId(newOrderId()).build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> inventory().reserve(reserveRequest(newOrderId(), sku, 0)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> inventory().reserve(reserveRequest(newOrderId(), sku, -1)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> inventory().reserve(reserveRequest(newOrderId(), sku, 100)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> inventory().reserve(reserveRequest(newOrderId(), "lower-case", 1)),
                Status.Code.INVALID_ARGUMENT);
        ReserveRequest.Builder tooMany = ReserveRequest.newBuilder().setOrderId(newOrderId());
        for (int i = 0; i < 101; i++) {
            tooMany.addLines(Line.newBuilder().setSku(sku).setQuantity(1));
        }
        assertStatus(() -> inventory().reserve(tooMany.build()), Status.Code.INVALID_ARGUMENT);
        ReserveRequest addsUpTooHigh = ReserveRequest.newBuilder().setOrderId(newOrderId())
                .addLines(Line.newBuilder().setSku(sku).setQuantity(60))
                .addLines(Line.newBuilder().setSku(sku).setQuantity(60))
                .build();
        assertStatus(() -> inventory().reserve(addsUpTooHigh), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> release(""), Status.Code.INVALID_ARGUMENT);

        StatusRuntimeException unknown = assertStatus(
                () -> inventory().reserve(reserveRequest(newOrderId(), Map.of(sku, 1, "NOPE-00001", 1))),
                Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).contains("NOPE-00001");
        assertThat(stock(sku)).isEqualTo(new Stock(10, 0, 0));
    }

    @Test
    void dueReservationsExpireAndGiveTheirStockBack() {
        String sku = newSku(5);
        String orderId = newOrderId();
        inventory().reserve(reserveRequest(orderId, sku, 3));
        assertThat(stock(sku)).isEqualTo(new Stock(2, 3, 0));

        makeDue(orderId);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(state(orderId)).isEqualTo("EXPIRED"));
        assertThat(stock(sku)).isEqualTo(new Stock(5, 0, 0));
        assertStatus(() -> confirm(orderId), Status.Code.FAILED_PRECONDITION);
        assertThat(release(orderId).getState()).isEqualTo(ReservationStatus.State.EXPIRED);
        assertStatus(() -> inventory().reserve(reserveRequest(orderId, sku, 3)), Status.Code.FAILED_PRECONDITION);
        assertThat(stock(sku)).isEqualTo(new Stock(5, 0, 0));
    }

    @Test
    void expiryRunsConcurrentlyWithoutReleasingAnythingTwice() throws Exception {
        String sku = newSku(300);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String orderId = newOrderId();
            orders.add(orderId);
            inventory().reserve(reserveRequest(orderId, sku, 1));
        }
        double expiredBefore = meters.counter("inventory.expiries").count();
        assertThat(stock(sku)).isEqualTo(new Stock(0, 300, 0));

        // Four workers drain the backlog at once (the scheduled job may join in). The backlog falls due in one
        // statement, just before they start: made due one by one, the job drained it before they could begin.
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(() -> {
                int total = 0;
                for (int expired = reservations.expireDue(); expired > 0; expired = reservations.expireDue()) {
                    total += expired;
                }
                return total;
            });
        }
        CountDownLatch start = new CountDownLatch(1);
        int byWorkers = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> worker : workers) {
                results.add(threads.submit(() -> {
                    start.await();
                    return worker.call();
                }));
            }
            makeDue(orders);
            start.countDown();
            for (Future<Integer> result : results) {
                byWorkers += result.get();
            }
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stock(sku)).isEqualTo(new Stock(300, 0, 0)));
        assertThat(byWorkers).isBetween(1, 300);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation r JOIN reservation_line l ON l.order_id = r.order_id "
                + "WHERE l.sku = :sku AND r.state = 'EXPIRED'").param("sku", sku).query(Long.class).single())
                .isEqualTo(300);
        assertThat(meters.counter("inventory.expiries").count() - expiredBefore).isEqualTo(300);
    }

    @Test
    void theGrpcHealthServiceAnswersServingFromTheBoundedCallPool() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel())
                .check(HealthCheckRequest.getDefaultInstance());

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(
                thread -> assertThat(thread.getName()).startsWith("grpc-call-"));
    }

    private void makeDue(String orderId) {
        jdbc.sql("UPDATE reservation SET expires_at = now() - interval '1 second' WHERE order_id = :id")
                .param("id", UUID.fromString(orderId))
                .update();
    }

    private void makeDue(List<String> orderIds) {
        jdbc.sql("UPDATE reservation SET expires_at = now() - interval '1 second' WHERE order_id = ANY(:ids)")
                .param("ids", orderIds.stream().map(UUID::fromString).toArray(UUID[]::new))
                .update();
    }

    private static ReservationStatus release(String orderId) {
        return inventory().release(ReleaseRequest.newBuilder().setOrderId(orderId).build());
    }

    private static ReservationStatus confirm(String orderId) {
        return inventory().confirm(ConfirmRequest.newBuilder().setOrderId(orderId).build());
    }

    private static StatusRuntimeException assertStatus(Runnable call, Status.Code code) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
            return e;
        }
        throw new AssertionError("expected " + code + " but the call succeeded");
    }
}

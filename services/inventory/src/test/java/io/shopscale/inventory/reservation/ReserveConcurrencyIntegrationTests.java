package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.StatusRuntimeException;
import io.shopscale.contracts.inventory.v1.ConfirmRequest;
import io.shopscale.contracts.inventory.v1.ReleaseRequest;
import io.shopscale.contracts.inventory.v1.ReserveResponse;
import io.shopscale.inventory.InventoryIntegrationTestBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many callers at once, through the real gRPC server: stock is never oversold and nobody deadlocks. */
class ReserveConcurrencyIntegrationTests extends InventoryIntegrationTestBase {

    private static final int CALLERS = 200;

    @Test
    void twoHundredBuyersForTenUnitsGetExactlyTenReservations() throws Exception {
        String sku = newSku(10);

        List<ReserveResponse> answers = all(CALLERS, i -> inventory().reserve(reserveRequest(newOrderId(), sku, 1)));

        long reserved = answers.stream().filter(a -> a.getOutcome() == ReserveResponse.Outcome.RESERVED).count();
        long short_ = answers.stream()
                .filter(a -> a.getOutcome() == ReserveResponse.Outcome.INSUFFICIENT_STOCK).count();
        assertThat(reserved).isEqualTo(10);
        assertThat(short_).isEqualTo(190);
        answers.stream().filter(a -> a.getOutcome() == ReserveResponse.Outcome.INSUFFICIENT_STOCK).forEach(a -> {
            assertThat(a.getShortagesList()).singleElement().satisfies(shortage -> {
                assertThat(shortage.getSku()).isEqualTo(sku);
                assertThat(shortage.getRequested()).isEqualTo(1);
                assertThat(shortage.getAvailable()).isZero();
            });
            assertThat(a.getExpiresAtEpochMillis()).isZero();
        });
        Stock after = stock(sku);
        assertThat(after).isEqualTo(new Stock(0, 10, 0));
        assertThat(reservationsHolding(sku)).isEqualTo(10);
        // A shortage leaves no reservation behind.
        assertThat(jdbc.sql("SELECT count(*) FROM reservation r WHERE NOT EXISTS "
                + "(SELECT 1 FROM reservation_line l WHERE l.order_id = r.order_id)").query(Long.class).single())
                .isZero();
    }

    @Test
    void overlappingMultiLineOrdersInAnyLineOrderNeverDeadlockAndConserveStock() throws Exception {
        List<String> skus = List.of(newSku(60), newSku(60), newSku(60));
        SplittableRandom random = new SplittableRandom(7);
        List<ReserveRequestSpec> orders = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            List<String> shuffled = new ArrayList<>(skus);
            Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (String sku : shuffled.subList(0, 1 + random.nextInt(3))) {
                lines.put(sku, 1 + random.nextInt(3));
            }
            orders.add(new ReserveRequestSpec(newOrderId(), lines));
        }

        List<ReserveResponse> answers = all(CALLERS,
                i -> inventory().reserve(reserveRequest(orders.get(i).orderId(), orders.get(i).lines())));

        List<String> reserved = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            assertThat(answers.get(i).getOutcome()).isIn(ReserveResponse.Outcome.RESERVED,
                    ReserveResponse.Outcome.INSUFFICIENT_STOCK);
            if (answers.get(i).getOutcome() == ReserveResponse.Outcome.RESERVED) {
                reserved.add(orders.get(i).orderId());
            }
        }
        assertThat(reserved).isNotEmpty().hasSizeLessThan(CALLERS);
        assertConserved(skus, 60);

        // Confirms, releases and new reservations all at once over the same rows.
        Queue<String> secondWave = new ConcurrentLinkedQueue<>();
        List<Callable<Object>> mixed = new ArrayList<>();
        for (int i = 0; i < reserved.size(); i++) {
            String orderId = reserved.get(i);
            mixed.add(i % 2 == 0
                    ? () -> inventory().confirm(ConfirmRequest.newBuilder().setOrderId(orderId).build())
                    : () -> inventory().release(ReleaseRequest.newBuilder().setOrderId(orderId).build()));
        }
        for (int i = 0; i < 100; i++) {
            Map<String, Integer> lines = orders.get(i).lines();
            mixed.add(() -> {
                String orderId = newOrderId();
                ReserveResponse answer = inventory().reserve(reserveRequest(orderId, lines));
                if (answer.getOutcome() == ReserveResponse.Outcome.RESERVED) {
                    secondWave.add(orderId);
                }
                return answer;
            });
        }
        Collections.shuffle(mixed, new java.util.Random(11));
        runAll(mixed);

        assertConserved(skus, 60);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation WHERE state = 'RESERVED' AND order_id IN "
                        + "(SELECT order_id FROM reservation_line WHERE sku IN (:skus))")
                .param("skus", skus).query(Long.class).single()).isEqualTo(secondWave.size());
    }

    /** Per SKU: nothing negative, the three columns add up to the initial stock, and reserved/sold match the lines. */
    private void assertConserved(List<String> skus, int initial) {
        for (String sku : skus) {
            Stock stock = stock(sku);
            assertThat(stock.available()).isNotNegative();
            assertThat(stock.total()).as(sku).isEqualTo(initial);
            assertThat(stock.reserved()).isEqualTo(quantityIn(sku, "RESERVED"));
            assertThat(stock.sold()).isEqualTo(quantityIn(sku, "CONFIRMED"));
        }
    }

    private int quantityIn(String sku, String state) {
        return jdbc.sql("""
                        SELECT coalesce(sum(l.quantity), 0) FROM reservation_line l
                        JOIN reservation r ON r.order_id = l.order_id
                        WHERE l.sku = :sku AND r.state = :state""")
                .param("sku", sku).param("state", state).query(Integer.class).single();
    }

    private long reservationsHolding(String sku) {
        return jdbc.sql("SELECT count(*) FROM reservation_line WHERE sku = :sku").param("sku", sku)
                .query(Long.class).single();
    }

    private static <T> List<T> all(int count, IndexedCall<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            calls.add(() -> call.run(index));
        }
        return runAll(calls);
    }

    /** Starts every call at the same moment and waits for all; any gRPC error fails the test with its status. */
    private static <T> List<T> runAll(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, StatusRuntimeException> failures = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                Callable<T> call = calls.get(i);
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (StatusRuntimeException e) {
                        failures.put(index, e);
                        return null;
                    }
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            assertThat(failures).as("calls that failed").isEmpty();
            return results;
        }
    }

    @FunctionalInterface
    private interface IndexedCall<T> {
        T run(int index) throws Exception;
    }

    private record ReserveRequestSpec(String orderId, Map<String, Integer> lines) {
    }
}

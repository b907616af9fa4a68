package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.inventory.v1.ReserveResponse;
import io.shopscale.inventory.InventoryIntegrationTestBase;
import io.shopscale.inventory.InventoryProperties;
import io.shopscale.inventory.Sku;
import io.shopscale.platform.checkout.CheckoutTimings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A flash sale: many single-unit reservations of one SKU at once, reserved in batches (one transaction, one stock
 * update each) that never oversell and keep every answer a reservation alone would give.
 */
class HotSkuReservationIntegrationTests extends InventoryIntegrationTestBase {

    @Autowired
    Reservations reservations;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReservationRepository repository;

    @Autowired
    Replays replays;

    @Autowired
    ReservationBatch batch;

    @Autowired
    ReservationMetrics metrics;

    @Autowired
    InventoryProperties properties;

    @Autowired
    CheckoutTimings timings;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoHundredBuyersForFiftyUnitsGetExactlyFiftyInBatches() throws Exception {
        String sku = newSku(50);
        Batches before = batches();

        List<ReserveResponse> answers = all(200, () -> inventory().reserve(reserveRequest(newOrderId(), sku, 1)));

        Map<ReserveResponse.Outcome, Long> outcomes = answers.stream()
                .collect(Collectors.groupingBy(ReserveResponse::getOutcome, Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(ReserveResponse.Outcome.RESERVED, 50L,
                ReserveResponse.Outcome.INSUFFICIENT_STOCK, 150L));
        answers.stream().filter(a -> a.getOutcome() == ReserveResponse.Outcome.INSUFFICIENT_STOCK)
                .forEach(a -> assertThat(a.getShortagesList()).singleElement().satisfies(shortage -> {
                    assertThat(shortage.getSku()).isEqualTo(sku);
                    assertThat(shortage.getRequested()).isEqualTo(1);
                    assertThat(shortage.getAvailable()).isZero();
                }));
        assertThat(stock(sku)).isEqualTo(new Stock(0, 50, 0));
        assertThat(reservationsOf(sku)).isEqualTo(50);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation r WHERE NOT EXISTS "
                + "(SELECT 1 FROM reservation_line l WHERE l.order_id = r.order_id)").query(Long.class).single())
                .as("reservations without lines").isZero();
        Batches during = batches().since(before);
        assertThat(during.reservations()).isEqualTo(200);
        assertThat(during.count()).as("batches for 200 reservations").isLessThan(200);
    }

    @Test
    void repeatsOfAnOrderIdQueuedTogetherOrApartReserveOnce() throws Exception {
        String sku = newSku(100);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(UUID.randomUUID());
        }
        List<ReserveOutcome> answers;
        ReserveOutcome conflicting;
        Batches before = batches();
        // The SKU's row held elsewhere keeps the first batch in flight while every repeat queues behind it.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM stock WHERE sku = ? FOR UPDATE")) {
                lock.setString(1, sku);
                lock.executeQuery().close();
            }
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<ReserveOutcome> first =
                        callers.submit(() -> reservations.reserve(command(UUID.randomUUID(), sku, 1)));
                await().atMost(Duration.ofSeconds(5)).until(this::someoneWaitsForALock);
                List<Future<ReserveOutcome>> repeats = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    for (UUID orderId : orders) {
                        repeats.add(callers.submit(() -> reservations.reserve(command(orderId, sku, 1))));
                    }
                }
                Sku hot = new Sku(sku);
                await().atMost(Duration.ofSeconds(5)).until(() -> reservations.waitingFor(hot) == repeats.size());
                // Last in the queue: the same order id with other lines.
                Future<ReserveOutcome> other =
                        callers.submit(() -> reservations.reserve(command(orders.getFirst(), sku, 2)));
                await().atMost(Duration.ofSeconds(5)).until(() -> reservations.waitingFor(hot) == repeats.size() + 1);
                assertThat(first).isNotDone();
                holder.rollback();

                assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(ReserveOutcome.Reserved.class);
                answers = new ArrayList<>();
                for (Future<ReserveOutcome> repeat : repeats) {
                    answers.add(repeat.get(10, TimeUnit.SECONDS));
                }
                conflicting = other.get(10, TimeUnit.SECONDS);
            }
        }

        for (int i = 0; i < orders.size(); i++) {
            List<ReserveOutcome.Reserved> ofOrder = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                ofOrder.add((ReserveOutcome.Reserved) answers.get(round * orders.size() + i));
            }
            assertThat(ofOrder).filteredOn(r -> !r.replay()).as("first reservations of one order").hasSize(1);
            assertThat(ofOrder).extracting(ReserveOutcome.Reserved::expiresAt)
                    .containsOnly(ofOrder.getFirst().expiresAt());
        }
        assertThat(conflicting).isEqualTo(new ReserveOutcome.LinesDiffer());
        assertThat(stock(sku)).isEqualTo(new Stock(79, 21, 0));
        assertThat(reservationsOf(sku)).isEqualTo(21);
        assertThat(batches().since(before).count()).as("batches for 102 reservations").isLessThan(102);
    }

    /** The same mixed load with and without coalescing: conservation holds on either path. */
    @ParameterizedTest(name = "coalesce={0}")
    @ValueSource(booleans = {true, false})
    void hotSingleLineAndMultiLineOrdersTogetherConserveStock(boolean coalesce) throws Exception {
        Reservations reserving = coalesce ? reservations : uncoalesced();
        String hot = newSku(50);
        String other = newSku(200);
        Batches before = batches();

        List<ReserveOutcome> answers = all(200, index -> {
            Map<String, Integer> lines = index % 3 == 0 ? Map.of(hot, 1, other, 2) : Map.of(hot, 1);
            return reserving.reserve(ReserveCommand.of(UUID.randomUUID().toString(),
                    lines.entrySet().stream().toList()));
        });

        long reserved = answers.stream().filter(ReserveOutcome.Reserved.class::isInstance).count();
        assertThat(answers).allSatisfy(a -> assertThat(a).isInstanceOfAny(ReserveOutcome.Reserved.class,
                ReserveOutcome.Short.class));
        assertThat(reserved).isEqualTo(50);
        Stock hotStock = stock(hot);
        Stock otherStock = stock(other);
        assertThat(hotStock).isEqualTo(new Stock(0, 50, 0));
        assertThat(hotStock.reserved()).isEqualTo(heldIn(hot));
        assertThat(otherStock.total()).isEqualTo(200);
        assertThat(otherStock.reserved()).isEqualTo(heldIn(other));
        assertThat(jdbc.sql("SELECT count(*) FROM reservation r WHERE NOT EXISTS "
                + "(SELECT 1 FROM reservation_line l WHERE l.order_id = r.order_id)").query(Long.class).single())
                .as("reservations without lines").isZero();
        Batches during = batches().since(before);
        if (coalesce) {
            assertThat(during.reservations()).as("single-line reservations batched").isEqualTo(133);
            assertThat(during.count()).isLessThan(133);
        } else {
            assertThat(during.count()).as("batches without coalescing").isZero();
        }
    }

    private Reservations uncoalesced() {
        InventoryProperties off = new InventoryProperties(properties.expiryInterval(), properties.expiryBatchSize(),
                properties.grpcPort(), properties.grpcThreads(),
                new InventoryProperties.ReservationBatching(false, 64, Duration.ofSeconds(30)));
        return new Reservations(repository, replays, batch, metrics, off, timings, transactionManager);
    }

    private boolean someoneWaitsForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock'").query(Long.class).single() > 0;
    }

    private long reservationsOf(String sku) {
        return jdbc.sql("SELECT count(*) FROM reservation r JOIN reservation_line l ON l.order_id = r.order_id "
                + "WHERE l.sku = :sku AND r.state = 'RESERVED'").param("sku", sku).query(Long.class).single();
    }

    private int heldIn(String sku) {
        return jdbc.sql("""
                        SELECT coalesce(sum(l.quantity), 0) FROM reservation_line l
                        JOIN reservation r ON r.order_id = l.order_id
                        WHERE l.sku = :sku AND r.state = 'RESERVED'""")
                .param("sku", sku).query(Integer.class).single();
    }

    private Batches batches() {
        DistributionSummary sizes = meters.find("inventory.reservation.batch.size").summary();
        return sizes == null ? new Batches(0, 0) : new Batches(sizes.count(), (long) sizes.totalAmount());
    }

    private static ReserveCommand command(UUID orderId, String sku, int quantity) {
        return ReserveCommand.of(orderId.toString(), List.of(Map.entry(sku, quantity)));
    }

    private static <T> List<T> all(int count, Callable<T> call) throws Exception {
        return all(count, index -> call.call());
    }

    /** Starts every call at the same moment on its own virtual thread and waits for all. */
    private static <T> List<T> all(int count, IndexedCall<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(callers.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
    }

    @FunctionalInterface
    private interface IndexedCall<T> {
        T run(int index) throws Exception;
    }

    private record Batches(long count, long reservations) {

        Batches since(Batches before) {
            return new Batches(count - before.count, reservations - before.reservations);
        }
    }
}

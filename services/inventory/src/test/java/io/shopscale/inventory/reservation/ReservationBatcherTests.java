package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shopscale.inventory.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/** The queue per SKU alone, with a stand-in for the database: who runs which batch, and that nobody hangs. */
class ReservationBatcherTests {

    private static final Sku HOT = new Sku("HOT-00001");
    private static final ReserveOutcome RESERVED = new ReserveOutcome.Reserved(Instant.EPOCH, false);

    private final Queue<List<ReserveCommand>> batches = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> sizes = new ConcurrentLinkedQueue<>();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aCallOnAnIdleSkuRunsAtOnceOnItsOwnThreadAsABatchOfOne() {
        Thread caller = Thread.currentThread();
        AtomicBoolean ranOnCaller = new AtomicBoolean();
        ReservationBatcher batcher = batcher(commands -> {
            ranOnCaller.set(Thread.currentThread() == caller);
            return answerAll(commands);
        }, 64, Duration.ofSeconds(5));

        assertThat(batcher.reserve(command(UUID.randomUUID(), HOT))).isEqualTo(RESERVED);
        assertThat(batcher.reserve(command(UUID.randomUUID(), HOT))).isEqualTo(RESERVED);

        assertThat(ranOnCaller).isTrue();
        assertThat(sizes).containsExactly(1, 1);
    }

    @Test
    void callsArrivingWhileABatchIsInFlightFormTheNextBatchesUpToTheCap() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ReservationBatcher batcher = batcher(commands -> {
            if (batches.size() == 1) {
                firstRunning.countDown();
                waitFor(releaseFirst);
            }
            return answerAll(commands);
        }, 8, Duration.ofSeconds(10));

        Future<ReserveOutcome> first = callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT)));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<ReserveOutcome>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT))));
        }
        awaitQueued(batcher, queued, 20);
        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(RESERVED);
        for (Future<ReserveOutcome> call : queued) {
            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo(RESERVED);
        }
        assertThat(sizes).containsExactly(1, 8, 8, 4);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).allSatisfy(
                command -> assertThat(command.lines().getFirst().sku()).isEqualTo(HOT)));
    }

    @Test
    void otherSkusDoNotWaitForAHotOne() throws Exception {
        CountDownLatch releaseHot = new CountDownLatch(1);
        ReservationBatcher batcher = batcher(commands -> {
            if (commands.getFirst().lines().getFirst().sku().equals(HOT)) {
                waitFor(releaseHot);
            }
            return answerAll(commands);
        }, 64, Duration.ofSeconds(10));

        Future<ReserveOutcome> hot = callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT)));
        assertThat(batcher.reserve(command(UUID.randomUUID(), new Sku("COLD-00001")))).isEqualTo(RESERVED);

        assertThat(hot).isNotDone();
        releaseHot.countDown();
        assertThat(hot.get(5, TimeUnit.SECONDS)).isEqualTo(RESERVED);
    }

    @Test
    void repeatsOfAnOrderIdNeverShareABatch() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ReservationBatcher batcher = batcher(commands -> {
            if (batches.size() == 1) {
                waitFor(releaseFirst);
            }
            return answerAll(commands);
        }, 64, Duration.ofSeconds(10));
        Future<ReserveOutcome> first = callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !batches.isEmpty());
        UUID repeated = UUID.randomUUID();
        List<Future<ReserveOutcome>> queued = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            UUID orderId = i % 3 == 0 ? repeated : UUID.randomUUID();
            queued.add(callers.submit(() -> batcher.reserve(command(orderId, HOT))));
        }
        awaitQueued(batcher, queued, 9);
        releaseFirst.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<ReserveOutcome> call : queued) {
            call.get(5, TimeUnit.SECONDS);
        }
        assertThat(batches).allSatisfy(batch -> {
            Set<UUID> orderIds = new HashSet<>();
            batch.forEach(command -> assertThat(orderIds.add(command.orderId())).isTrue());
        });
        assertThat(batches.stream().filter(batch -> batch.stream().anyMatch(c -> c.orderId().equals(repeated))))
                .hasSize(3);
    }

    @Test
    void aFailedBatchFailsEveryCallInItWithItsExceptionAndTheNextBatchRuns() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        DataAccessResourceFailureException outage = new DataAccessResourceFailureException("database away");
        AtomicInteger runs = new AtomicInteger();
        ReservationBatcher batcher = batcher(commands -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                waitFor(releaseFirst);
                return answerAll(commands);
            }
            if (run == 2) {
                throw outage;
            }
            return answerAll(commands);
        }, 64, Duration.ofSeconds(10));
        Future<ReserveOutcome> first = callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT)));
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        List<Future<ReserveOutcome>> failing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            failing.add(callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT))));
        }
        awaitQueued(batcher, failing, 10);
        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(RESERVED);
        for (Future<ReserveOutcome> call : failing) {
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCause(outage);
        }
        assertThat(sizes).containsExactly(1, 10);
        assertThat(batcher.reserve(command(UUID.randomUUID(), HOT))).isEqualTo(RESERVED);
    }

    @Test
    void aCallQueuedLongerThanTheMaximumWaitLeavesTheQueueAndTimesOut() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ReservationBatcher batcher = batcher(commands -> {
            if (batches.size() == 1) {
                waitFor(releaseFirst);
            }
            return answerAll(commands);
        }, 64, Duration.ofMillis(300));
        Future<ReserveOutcome> first = callers.submit(() -> batcher.reserve(command(UUID.randomUUID(), HOT)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !batches.isEmpty());
        UUID late = UUID.randomUUID();

        long started = System.nanoTime();
        assertThatThrownBy(() -> batcher.reserve(command(late, HOT))).isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        releaseFirst.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(RESERVED);
        // It left the queue: no batch ever carries it, and the SKU goes on serving.
        assertThat(batcher.reserve(command(UUID.randomUUID(), HOT))).isEqualTo(RESERVED);
        assertThat(batches).noneSatisfy(batch -> assertThat(batch).extracting(ReserveCommand::orderId).contains(late));
    }

    private ReservationBatcher batcher(Function<List<ReserveCommand>, List<ReserveOutcome>> database, int maxBatch,
                                       Duration maxWait) {
        return new ReservationBatcher(commands -> {
            batches.add(commands);
            return database.apply(commands);
        }, maxBatch, maxWait, sizes::add);
    }

    /** Waits until the calls queue behind the batch in flight (none of them can finish before). */
    private static void awaitQueued(ReservationBatcher batcher, List<Future<ReserveOutcome>> calls, int count) {
        assertThat(calls).hasSize(count);
        await().atMost(Duration.ofSeconds(5)).until(() -> batcher.waiting(HOT) == count);
        assertThat(calls).noneMatch(Future::isDone);
    }

    private static List<ReserveOutcome> answerAll(List<ReserveCommand> commands) {
        return commands.stream().map(command -> RESERVED).toList();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ReserveCommand command(UUID orderId, Sku sku) {
        return new ReserveCommand(orderId, List.of(new ReserveCommand.Line(sku, 1)));
    }
}

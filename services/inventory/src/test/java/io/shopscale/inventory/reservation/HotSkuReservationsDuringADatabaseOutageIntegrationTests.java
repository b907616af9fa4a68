package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.inventory.InventoryIntegrationTestBase;
import io.shopscale.stores.PostgresStore;
import io.shopscale.testsupport.SharedStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database refuses while buyers queue for a hot SKU: every call of the failed batches fails promptly with the
 * store's own exception (which the gRPC adapter answers as UNAVAILABLE), nothing is left behind, and the batches
 * after the outage reserve as usual.
 */
class HotSkuReservationsDuringADatabaseOutageIntegrationTests extends InventoryIntegrationTestBase {

    private static final int CALLERS = 30;

    @Autowired
    Reservations reservations;

    @Autowired
    MeterRegistry meters;

    private String database;

    @AfterEach
    void databaseBack() throws SQLException {
        if (database != null) {
            admit(true);
        }
    }

    @Test
    void everyCallOfAFailedBatchFailsPromptlyAndTheNextBatchesReserve() throws Exception {
        String sku = newSku(50);
        database = jdbc.sql("SELECT current_database()").query(String.class).single();
        long batchesBefore = batchSizes().count();

        admit(false);
        List<Failure> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Failure>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(callers.submit(() -> {
                    start.await();
                    long started = System.nanoTime();
                    try {
                        return new Failure(null, Duration.ofNanos(System.nanoTime() - started),
                                reservations.reserve(command(sku)));
                    } catch (RuntimeException e) {
                        return new Failure(e, Duration.ofNanos(System.nanoTime() - started), null);
                    }
                }));
            }
            start.countDown();
            for (Future<Failure> call : calls) {
                failures.add(call.get(60, TimeUnit.SECONDS));
            }
        }
        admit(true);

        // A batch fails at its first statement on a connection the outage cut, or after the pool's connection
        // timeout (3 s) when it has to open a new one: either way within seconds, not at max-wait.
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.answer()).isNull();
            assertThat(failure.error()).isInstanceOfAny(CannotCreateTransactionException.class,
                    DataAccessResourceFailureException.class, TransientDataAccessException.class);
            assertThat(failure.took()).isLessThan(Duration.ofSeconds(20));
        });
        Set<RuntimeException> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        failures.forEach(failure -> distinct.add(failure.error()));
        assertThat(distinct).as("failures shared by a batch").hasSizeLessThan(CALLERS);
        assertThat(batchSizes().count() - batchesBefore).isEqualTo(distinct.size());

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> jdbc.sql("SELECT 1").query(Integer.class).single() == 1);
        assertThat(stock(sku)).isEqualTo(new Stock(50, 0, 0));
        List<ReserveOutcome> after = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ReserveOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(callers.submit(() -> reservations.reserve(command(sku))));
            }
            for (Future<ReserveOutcome> call : calls) {
                after.add(call.get(60, TimeUnit.SECONDS));
            }
        }
        assertThat(after).filteredOn(ReserveOutcome.Reserved.class::isInstance).hasSize(50);
        assertThat(after).filteredOn(ReserveOutcome.Short.class::isInstance).hasSize(10);
        assertThat(stock(sku)).isEqualTo(new Stock(0, 50, 0));
    }

    private DistributionSummary batchSizes() {
        return meters.get("inventory.reservation.batch.size").summary();
    }

    /** Lets connections to the service's database in, or throws them all out and refuses new ones. */
    private void admit(boolean allowed) throws SQLException {
        PostgresStore postgres = SharedStores.get().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.connectionString(), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    private static ReserveCommand command(String sku) {
        return ReserveCommand.of(UUID.randomUUID().toString(), List.of(Map.entry(sku, 1)));
    }

    private record Failure(RuntimeException error, Duration took, ReserveOutcome answer) {
    }
}

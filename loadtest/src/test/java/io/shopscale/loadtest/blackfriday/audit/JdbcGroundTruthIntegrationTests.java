package io.shopscale.loadtest.blackfriday.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.shopscale.stores.PostgresStore;
import io.shopscale.stores.StoreSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auditor's SQL against a real PostgreSQL whose inventory, orders and payments schemas are made by the services'
 * own Flyway migrations, so a renamed column breaks this test rather than a benchmark. One run's rows are written
 * around its baseline, with rows from before it that must stay out of its sight.
 */
class JdbcGroundTruthIntegrationTests {

    private static final String SHOPPER = "u1";
    private static final String SOMEONE = "someone-else";

    private static PostgresStore postgres;
    private static String url;
    private static Connection writer;
    private static JdbcGroundTruth truth;
    private static Instant since;
    private static final Map<UUID, UUID> PAYMENT_OF = new HashMap<>();

    private static final UUID ACCEPTED = UUID.randomUUID();
    private static final UUID UNSEEN = UUID.randomUUID();
    private static final UUID OTHERS_PENDING = UUID.randomUUID();
    private static final UUID OTHERS_CANCELLED = UUID.randomUUID();
    private static final UUID STRAGGLER = UUID.randomUUID();
    private static final UUID BEFORE = UUID.randomUUID();
    private static final UUID BEFORE_PENDING = UUID.randomUUID();
    private static final UUID ORPHAN = UUID.randomUUID();

    @BeforeAll
    static void migrateAndWriteARun() throws Exception {
        postgres = postgres();
        url = postgres.createFreshDatabase("auditor");
        migrate(url, "inventory", "inventory");
        migrate(url, "orders", "orders");
        migrate(url, "payments", "payment");
        writer = DriverManager.getConnection(url, postgres.user(), postgres.password());
        truth = JdbcGroundTruth.connect(url, postgres.user(), postgres.password());

        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        // Before the run: a finished order with everything around it, and one still waiting for payment.
        order(BEFORE, "old", "CONFIRMED", longAgo, longAgo);
        reservation(BEFORE, "CONFIRMED", longAgo);
        payment(BEFORE, "SUCCEEDED", "ch_before", null, longAgo);
        order(BEFORE_PENDING, "old", "PENDING_PAYMENT", longAgo, longAgo);
        payment(BEFORE_PENDING, "PENDING", null, null, longAgo);

        since = truth.baseline().at();
        Instant during = since.plusSeconds(1);
        // The run: an accepted order, one of its shopper's no client saw, another client's, and an earlier
        // straggler that finished during it.
        order(ACCEPTED, SHOPPER, "CONFIRMED", during, during.plusSeconds(1));
        line(ACCEPTED, 1, "HKT-00001", 2);
        reservation(ACCEPTED, "CONFIRMED", during);
        payment(ACCEPTED, "SUCCEEDED", "ch_accepted", null, during);
        key(SHOPPER, "k-accepted", ACCEPTED, 202, during);
        key(SHOPPER, "k-out-of-stock", UUID.randomUUID(), 409, during);
        key(SOMEONE, "k-someone", OTHERS_PENDING, 202, during);

        order(UNSEEN, SHOPPER, "CANCELLED", during, during.plusSeconds(2));
        line(UNSEEN, 1, "BOK-00002", 1);
        reservation(UNSEEN, "RELEASED", during);
        payment(UNSEEN, "REFUNDED", "ch_unseen", "re_unseen", during);
        extraCharge("ch_unseen_2", UNSEEN, during.plusSeconds(1), true);

        order(OTHERS_PENDING, SOMEONE, "PENDING_PAYMENT", during, during);
        reservation(OTHERS_PENDING, "RESERVED", during);
        payment(OTHERS_PENDING, "PENDING", null, null, during);

        order(OTHERS_CANCELLED, SOMEONE, "CANCELLED", during, during.plusSeconds(1));
        reservation(OTHERS_CANCELLED, "RESERVED", during);
        payment(OTHERS_CANCELLED, "REFUNDING", "ch_others", null, during);
        extraCharge("ch_others_2", OTHERS_CANCELLED, during.plusSeconds(1), false);

        order(STRAGGLER, "old", "CONFIRMED", longAgo, during);
        line(STRAGGLER, 1, "BOK-00002", 3);
        reservation(STRAGGLER, "CONFIRMED", longAgo);

        reservation(ORPHAN, "RESERVED", during);
    }

    @AfterAll
    static void close() throws SQLException {
        if (truth != null) {
            truth.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theBaselineIsTheWholeStockWithTheDatabasesClock() throws Exception {
        Baseline baseline = truth.baseline();

        assertThat(baseline.stock()).hasSize(10_400);
        assertThat(baseline.stock().get("HKT-00001")).isEqualTo(new StockLevel("HKT-00001", 10, 0, 0));
        assertThat(baseline.at()).isAfter(since);
    }

    @Test
    void theRunsRowsAreItsShoppersItsAcceptedIdsAndAnythingWrittenDuringItAndNothingBefore() throws Exception {
        StoreReading reading = truth.read(new RunScope(since, Set.of(SHOPPER), Set.of(ACCEPTED)));

        assertThat(reading.orders()).extracting(OrderRecord::id)
                .containsExactlyInAnyOrder(ACCEPTED, UNSEEN, OTHERS_PENDING, OTHERS_CANCELLED, STRAGGLER);
        assertThat(reading.orders()).filteredOn(o -> o.id().equals(ACCEPTED)).singleElement()
                .satisfies(o -> assertThat(o.updatedAt()).isEqualTo(since.plusSeconds(2)));
        assertThat(reading.confirmedLines()).containsExactlyInAnyOrder(
                new StoreReading.Line(ACCEPTED, "HKT-00001", 2), new StoreReading.Line(STRAGGLER, "BOK-00002", 3));
        assertThat(reading.reservations()).containsExactlyInAnyOrder(
                new StoreReading.Reservation(ACCEPTED, "CONFIRMED"), new StoreReading.Reservation(UNSEEN, "RELEASED"),
                new StoreReading.Reservation(OTHERS_PENDING, "RESERVED"),
                new StoreReading.Reservation(OTHERS_CANCELLED, "RESERVED"),
                new StoreReading.Reservation(STRAGGLER, "CONFIRMED"), new StoreReading.Reservation(ORPHAN, "RESERVED"));
        assertThat(reading.payments()).containsExactlyInAnyOrder(
                new StoreReading.Payment(ACCEPTED, "SUCCEEDED", "ch_accepted"),
                new StoreReading.Payment(UNSEEN, "REFUNDED", "ch_unseen"),
                new StoreReading.Payment(OTHERS_PENDING, "PENDING", null),
                new StoreReading.Payment(OTHERS_CANCELLED, "REFUNDING", "ch_others"));
        assertThat(reading.extraCharges()).containsExactlyInAnyOrder(
                new StoreReading.ExtraCharge("ch_unseen_2", UNSEEN, true),
                new StoreReading.ExtraCharge("ch_others_2", OTHERS_CANCELLED, false));
        assertThat(reading.acceptedKeys()).containsExactly(
                new StoreReading.AcceptedKey(SHOPPER, "k-accepted", ACCEPTED));
        assertThat(reading.stock()).hasSize(10_400);
    }

    @Test
    void pendingCountsWhatTheRunStillHasInMotion() throws Exception {
        Pending pending = truth.pending(new RunScope(since, Set.of(SHOPPER), Set.of(ACCEPTED)));

        // Another client's order waits for payment (the one from before the run is not the run's); the cancelled
        // order's reservation is not yet released, nor is the orphan's (orders gives it back soon); two payments are
        // still at work and one extra charge is owed back.
        assertThat(pending).isEqualTo(new Pending(1, 2, 2, 1));
    }

    @Test
    void aDatabaseWithoutPaymentsTablesIsRefusedBeforeAnyLoad() {
        String partial = postgres.createFreshDatabase("auditor_partial");
        migrate(partial, "inventory", "inventory");
        migrate(partial, "orders", "orders");

        assertThatThrownBy(() -> JdbcGroundTruth.connect(partial, postgres.user(), postgres.password()))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("payments.payment");
    }

    /** The platform's PostgreSQL for tests: the one named by the environment, else an embedded one. */
    private static PostgresStore postgres() {
        StoreSettings settings = StoreSettings.fromEnvironment(System.getenv(), 0, 0, 0, 0, null);
        return settings.externalPostgresUrl() != null
                ? PostgresStore.external(settings.externalPostgresUrl(), settings.postgresUser(),
                        settings.postgresPassword())
                : PostgresStore.start(0, null);
    }

    private static void migrate(String database, String schema, String service) {
        Path migrations = Path.of(System.getProperty("basedir", ".")).resolve("../services/" + service
                + "/src/main/resources/db/migration").normalize();
        assertThat(Files.isDirectory(migrations)).as(migrations.toString()).isTrue();
        Flyway.configure()
                .dataSource(database, postgres.user(), postgres.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }

    private static void order(UUID id, String user, String status, Instant placed, Instant updated)
            throws SQLException {
        write("INSERT INTO orders.orders (id, user_id, status, cancel_reason, currency, total, placed_at, "
                + "payment_deadline, updated_at) VALUES (?, ?, ?, ?, 'USD', 2499, ?, ?, ?)", id, user, status,
                "CANCELLED".equals(status) ? "EXPIRED" : null, at(placed), at(placed.plusSeconds(900)), at(updated));
    }

    private static void line(UUID order, int lineNo, String sku, int quantity) throws SQLException {
        write("INSERT INTO orders.order_line (order_id, line_no, sku, quantity, unit_price) VALUES (?, ?, ?, ?, 2499)",
                order, lineNo, sku, quantity);
    }

    private static void key(String user, String key, UUID order, int status, Instant created) throws SQLException {
        write("INSERT INTO orders.idempotency_key (user_id, key, request_hash, state, order_id, response_status, "
                + "response_body, created_at, locked_until) VALUES (?, ?, ?, 'COMPLETED', ?, ?, '{}', ?, ?)", user, key,
                "0".repeat(64), order, status, at(created), at(created));
    }

    private static void reservation(UUID order, String state, Instant created) throws SQLException {
        write("INSERT INTO inventory.reservation (order_id, state, expires_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)", order, state, at(created.plusSeconds(900)), at(created), at(created));
    }

    private static void payment(UUID order, String status, String charge, String refund, Instant created)
            throws SQLException {
        UUID id = UUID.randomUUID();
        PAYMENT_OF.put(order, id);
        write("INSERT INTO payments.payment (id, order_id, customer, amount, currency, payment_deadline, created_at, "
                + "status, next_attempt_at, charge_id, refund_id, updated_at) "
                + "VALUES (?, ?, 'c', 2499, 'USD', ?, ?, ?, ?, ?, ?, ?)", id, order, at(created.plusSeconds(900)),
                at(created), status, at(created), charge, refund, at(created));
    }

    private static void extraCharge(String charge, UUID order, Instant found, boolean refunded) throws SQLException {
        write("INSERT INTO payments.extra_charge (charge_id, payment_id, order_id, found_at, next_attempt_at, "
                + "refund_id, refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", charge, PAYMENT_OF.get(order), order,
                at(found), at(found), refunded ? "re_" + charge : null, refunded ? at(found) : null);
    }

    private static void write(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = writer.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.shopscale.loadtest.blackfriday.audit.FakeStores.check;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryRulesTests {

    private final FakeStores stores = new FakeStores();

    @BeforeEach
    void stockBefore() {
        stores.stock("HKT-00001", 10, 0, 0).stock("BOK-00002", 100, 0, 5);
        stores.snapshot();
    }

    @Test
    void unitsSoldMatchTheOrdersConfirmedDuringTheRunWhoeverPlacedThem() throws Exception {
        stores.sale("u1", "HKT-00001", 2);
        // Another client's order, confirmed during the run: the counters are the whole shop's.
        stores.sale("someone-else", "BOK-00002", 3);
        // A shopper's order confirmed before the run's window: its units are in the baseline already.
        UUID earlier = stores.order("u2", OrderRecord.CONFIRMED, null, Instant.parse("2026-11-27T09:00:00Z"));
        stores.lines.add(new StoreReading.Line(earlier, "BOK-00002", 5));
        stores.stock("HKT-00001", 8, 0, 2).stock("BOK-00002", 97, 0, 8);

        Check check = check(stores.audit(), Invariant.UNITS_SOLD_MATCH_ORDERS);

        assertThat(check.status()).as(check.detail()).isEqualTo(Check.Status.PASS);
        assertThat(check.detail()).isEqualTo("0 SKUs differ; 5 units sold, 5 in the 2 orders confirmed");
    }

    @Test
    void unitsSoldWithoutAConfirmedOrderOrAnOrderWithoutItsUnitsAreCaught() throws Exception {
        stores.sale("u1", "HKT-00001", 2);
        // Three units left HKT for an order of two, and BOK sold one unit nobody ordered.
        stores.stock("HKT-00001", 7, 0, 3).stock("BOK-00002", 99, 0, 6);

        Check check = check(stores.audit(), Invariant.UNITS_SOLD_MATCH_ORDERS);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly(
                "BOK-00002: 1 units sold during the run, confirmed orders hold 0",
                "HKT-00001: 3 units sold during the run, confirmed orders hold 2");
    }

    @Test
    void aConfirmedOrderWhoseUnitsWereNeverSoldIsCaught() throws Exception {
        stores.sale("u1", "HKT-00001", 2);
        // The units stayed reserved: inventory never applied the confirmation.
        stores.stock("HKT-00001", 8, 2, 0);

        Check check = check(stores.audit(), Invariant.UNITS_SOLD_MATCH_ORDERS);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly("HKT-00001: 0 units sold during the run, confirmed orders hold 2");
    }

    @Test
    void reservationsLeftReservedFailWhetherOrNotTheirOrderExists() throws Exception {
        UUID cancelled = stores.order("u1", OrderRecord.CANCELLED, "PAYMENT_DECLINED");
        stores.reservation(cancelled, StoreReading.Reservation.RESERVED);
        UUID orphan = UUID.randomUUID();
        stores.reservation(orphan, StoreReading.Reservation.RESERVED);
        stores.reservation(UUID.randomUUID(), "EXPIRED");

        Check check = check(stores.audit(), Invariant.RESERVATIONS_SETTLED);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.violations()).isEqualTo(2);
        assertThat(check.examples()).contains(cancelled + ": still RESERVED, order CANCELLED",
                orphan + ": still RESERVED, order not stored");
        assertThat(check.detail()).isEqualTo("2 of 3 reservations still RESERVED");
    }

    @Test
    void settledReservationsPass() throws Exception {
        stores.sale("u1", "HKT-00001", 1);
        stores.declined("u2");
        stores.stock("HKT-00001", 9, 0, 1);

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.RESERVATIONS_SETTLED).status()).isEqualTo(Check.Status.PASS);
        assertThat(check(audit, Invariant.RESERVATIONS_MATCH_ORDERS).status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void aConfirmedOrderNeedsAConfirmedReservationAndTheOtherWayRound() throws Exception {
        UUID expired = stores.sale("u1", "HKT-00001", 1);
        stores.reservation(expired, "EXPIRED");
        UUID missing = stores.sale("u1", "HKT-00001", 1);
        stores.reservations.removeIf(r -> r.orderId().equals(missing));
        UUID cancelled = stores.order("u2", OrderRecord.CANCELLED, "EXPIRED");
        stores.reservation(cancelled, StoreReading.Reservation.CONFIRMED);

        Check check = check(stores.audit(), Invariant.RESERVATIONS_MATCH_ORDERS);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactlyInAnyOrder(expired + ": CONFIRMED, its reservation EXPIRED",
                missing + ": CONFIRMED without a reservation", cancelled + ": reservation CONFIRMED, order CANCELLED");
    }
}

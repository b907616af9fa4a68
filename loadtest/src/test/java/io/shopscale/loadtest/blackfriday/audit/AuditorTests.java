package io.shopscale.loadtest.blackfriday.audit;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AuditorTests {

    private static final List<String> USERS = List.of("u1", "u2");

    private final FakeStores stores = new FakeStores();
    private Map<String, StockLevel> before;

    @Test
    void aCleanRunPassesEveryInvariant() throws Exception {
        givenStockBefore();
        UUID paid = stores.order("u1", OrderRecord.CONFIRMED, null);
        stores.charge(paid, "succeeded");
        UUID declined = stores.order("u2", OrderRecord.CANCELLED, "PAYMENT_DECLINED");
        stores.charge(declined, "failed");
        // One unit of the hot SKU sold, one of BOK reserved and then released: totals unchanged.
        stores.stock("HKT-00001", 9, 0, 1).stock("BOK-00002", 119, 0, 1);

        Auditor.Audit audit = audit(Set.of(paid, declined), List.of());

        assertThat(audit.checks()).allSatisfy(c -> assertThat(c.status()).as(c.name()).isEqualTo(Check.Status.PASS));
        assertThat(audit.passed()).isTrue();
        assertThat(audit.facts().confirmed()).isEqualTo(1);
        assertThat(audit.facts().cancelReasons()).containsEntry("PAYMENT_DECLINED", 1L);
        assertThat(audit.facts().unitsSold()).isEqualTo(1);
        // Two significant digits, plenty for a time to settle.
        assertThat(audit.facts().placedToFinalMs().p50().doubleValue()).isCloseTo(800, within(8.0));
        assertThat(audit.facts().hotSkus()).singleElement()
                .satisfies(hot -> assertThat(hot.after().sold()).isEqualTo(1));
    }

    @Test
    void oversoldUnitsAndChangedTotalsAreCaught() throws Exception {
        givenStockBefore();
        // 12 units left a SKU that had 10; and BOK lost one unit from its total without any sale.
        stores.stock("HKT-00001", 0, 2, 10).stock("BOK-00002", 119, 0, 0);

        Auditor.Audit audit = audit(Set.of(), List.of());

        assertThat(check(audit, Invariant.NO_OVERSELL).violations()).isEqualTo(2);
        assertThat(check(audit, Invariant.NO_OVERSELL).examples()).singleElement().asString()
                .startsWith("HKT-00001: 2 units over");
        assertThat(check(audit, Invariant.STOCK_CONSERVED).violations()).isEqualTo(2);
        assertThat(audit.passed()).isFalse();
    }

    @Test
    void acceptedOrdersMustBeStoredAndFinal() throws Exception {
        givenUnchangedStock();
        UUID pending = stores.order("u1", OrderRecord.PENDING, null);
        UUID lost = UUID.randomUUID();
        UUID unseen = stores.order("u2", OrderRecord.CANCELLED, "EXPIRED");

        Auditor.Audit audit = audit(Set.of(pending, lost), List.of());

        Check finals = check(audit, Invariant.ACCEPTED_ORDERS_FINAL);
        assertThat(finals.status()).isEqualTo(Check.Status.FAIL);
        assertThat(finals.violations()).isEqualTo(2);
        assertThat(finals.detail()).isEqualTo("2 accepted; 1 not final, 1 not stored");
        assertThat(audit.facts().unseen()).as("stored but never answered 202: " + unseen).isEqualTo(1);
    }

    @Test
    void chargesMustMatchConfirmedOrdersOneToOne() throws Exception {
        givenUnchangedStock();
        UUID twice = stores.order("u1", OrderRecord.CONFIRMED, null);
        stores.charge(twice, "succeeded");
        stores.charge(twice, "succeeded");
        UUID unpaid = stores.order("u1", OrderRecord.CONFIRMED, null);
        stores.charge(unpaid, "failed");
        UUID cancelledButCharged = stores.order("u2", OrderRecord.CANCELLED, "PAYMENT_UNAVAILABLE");
        stores.charge(cancelledButCharged, "succeeded");

        Auditor.Audit audit = audit(Set.of(twice, unpaid, cancelledButCharged), List.of());

        assertThat(check(audit, Invariant.ONE_CHARGE_PER_ORDER).examples())
                .containsExactly(twice + ": 2 succeeded charges");
        assertThat(check(audit, Invariant.CONFIRMED_ORDERS_PAID).examples())
                .containsExactly(unpaid + ": CONFIRMED without a succeeded charge");
        assertThat(check(audit, Invariant.CHARGES_HAVE_CONFIRMED_ORDERS).examples())
                .containsExactly(cancelledButCharged + ": charged but CANCELLED");
    }

    @Test
    void chargesTheProviderCouldNotReportLeaveTheCheckUnverifiedNotPassed() throws Exception {
        givenUnchangedStock();
        UUID order = stores.order("u1", OrderRecord.CONFIRMED, null);
        stores.providerCannotSay.add(order);

        Auditor.Audit audit = audit(Set.of(order), List.of());

        assertThat(check(audit, Invariant.CONFIRMED_ORDERS_PAID).status()).isEqualTo(Check.Status.UNVERIFIED);
        assertThat(check(audit, Invariant.CONFIRMED_ORDERS_PAID).failed()).isTrue();
        assertThat(audit.facts().chargesUnknown()).isEqualTo(1);
    }

    @Test
    void withoutAProviderTheChargeChecksAreSkipped() throws Exception {
        givenUnchangedStock();
        UUID order = stores.order("u1", OrderRecord.CONFIRMED, null);

        Auditor.Audit audit = Auditor.audit(stores, null, before, USERS, Set.of(order), List.of(), List.of());

        assertThat(check(audit, Invariant.ONE_CHARGE_PER_ORDER).status()).isEqualTo(Check.Status.SKIPPED);
        assertThat(audit.passed()).isTrue();
    }

    @Test
    void aResendAnsweredWithAnotherOrderBreaksIdempotency() throws Exception {
        givenUnchangedStock();

        Auditor.Audit audit = audit(Set.of(), List.of("key k1: a then b"));

        assertThat(check(audit, Invariant.IDEMPOTENT_RESENDS).status()).isEqualTo(Check.Status.FAIL);
    }

    @Test
    void unreadableStoresLeaveEveryInvariantUnverified() {
        assertThat(Auditor.unverified("connection refused"))
                .hasSize(Invariant.values().length)
                .allSatisfy(c -> assertThat(c.failed()).isTrue());
    }

    @Test
    void drainingStopsAsSoonAsNothingIsPendingAndGivesUpAtTheTimeout() throws Exception {
        long[] clock = {0};
        Drain.Pause pause = d -> clock[0] += d.toNanos();
        var err = new PrintWriter(Writer.nullWriter());
        stores.pendingAnswers.addAll(List.of(3L, 1L, 0L));

        Drain.Outcome settled = new Drain(stores, Duration.ofSeconds(30), pause, () -> clock[0], err)
                .await(USERS, Set::of);

        assertThat(settled.drained()).isTrue();
        assertThat(settled.waited()).hasSeconds(2);

        stores.pendingAnswers.clear();
        stores.pendingAnswers.add(5L);
        clock[0] = 0;
        Drain.Outcome stuck = new Drain(stores, Duration.ofMillis(2500), pause, () -> clock[0], err)
                .await(USERS, Set::of);

        assertThat(stuck.drained()).isFalse();
        assertThat(stuck.pending()).isEqualTo(5);
        assertThat(stuck.waited()).hasMillis(2500);
    }

    private void givenStockBefore() {
        stores.stock("HKT-00001", 10, 0, 0).stock("BOK-00002", 118, 1, 1);
        before = stores.stock();
    }

    private void givenUnchangedStock() {
        givenStockBefore();
    }

    private Auditor.Audit audit(Set<UUID> accepted, List<String> mismatches) throws Exception {
        return Auditor.audit(stores, stores, before, USERS, accepted, List.of("HKT-00001"), mismatches);
    }

    private static Check check(Auditor.Audit audit, Invariant invariant) {
        return audit.checks().stream().filter(c -> c.name().equals(invariant.label())).findFirst().orElseThrow();
    }
}

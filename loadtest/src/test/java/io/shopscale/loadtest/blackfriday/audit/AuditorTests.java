package io.shopscale.loadtest.blackfriday.audit;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static io.shopscale.loadtest.blackfriday.audit.FakeStores.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AuditorTests {

    private final FakeStores stores = new FakeStores();

    @Test
    void aCleanRunPassesEveryInvariant() throws Exception {
        givenStockBefore();
        stores.sale("u1", "HKT-00001", 1);
        stores.declined("u2");
        // One unit of the hot SKU sold, one of BOK reserved and then released: totals unchanged.
        stores.stock("HKT-00001", 9, 0, 1).stock("BOK-00002", 119, 0, 1);

        Auditor.Audit audit = stores.audit();

        assertThat(audit.checks()).extracting(Check::name)
                .containsExactlyElementsOf(Stream.of(Invariant.values()).map(Invariant::label).toList());
        assertThat(audit.checks()).allSatisfy(c -> assertThat(c.status()).as(c.name() + ": " + c.detail())
                .isEqualTo(Check.Status.PASS));
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

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.NO_OVERSELL).violations()).isEqualTo(2);
        assertThat(check(audit, Invariant.NO_OVERSELL).examples()).singleElement().asString()
                .startsWith("HKT-00001: 2 units over");
        assertThat(check(audit, Invariant.STOCK_CONSERVED).violations()).isEqualTo(2);
        assertThat(audit.passed()).isFalse();
    }

    @Test
    void acceptedOrdersMustBeStoredAndFinal() throws Exception {
        givenStockBefore();
        UUID pending = stores.order("u1", OrderRecord.PENDING, null);
        UUID lost = UUID.randomUUID();
        UUID unseen = stores.order("u2", OrderRecord.CANCELLED, "EXPIRED");
        stores.accepted.addAll(Set.of(pending, lost));

        Auditor.Audit audit = stores.audit();

        Check finals = check(audit, Invariant.ACCEPTED_ORDERS_FINAL);
        assertThat(finals.status()).isEqualTo(Check.Status.FAIL);
        assertThat(finals.violations()).isEqualTo(2);
        assertThat(finals.detail()).isEqualTo("2 accepted; 1 not final, 1 not stored");
        assertThat(audit.facts().unseen()).as("stored but never answered 202: " + unseen).isEqualTo(1);
    }

    @Test
    void anOrderNoClientSawMustEndFinalToo() throws Exception {
        givenStockBefore();
        UUID stuck = stores.order("someone-else", OrderRecord.PENDING, null);

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.ACCEPTED_ORDERS_FINAL).status()).isEqualTo(Check.Status.PASS);
        assertThat(check(audit, Invariant.ORDERS_FINAL).status()).isEqualTo(Check.Status.FAIL);
        assertThat(check(audit, Invariant.ORDERS_FINAL).examples())
                .containsExactly(stuck + ": still PENDING_PAYMENT (never answered 202 to the run)");
        assertThat(audit.facts().others()).isEqualTo(1);
    }

    @Test
    void aResendAnsweredWithAnotherOrderBreaksIdempotency() throws Exception {
        givenStockBefore();
        stores.answers = new Answers(List.of("key k1: a then b"), List.of(), false);

        Auditor.Audit audit = stores.audit();

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
        stores.pendingAnswers.addAll(List.of(new Pending(3, 0, 0, 0), new Pending(0, 1, 0, 0),
                new Pending(0, 0, 0, 0)));

        Drain.Outcome settled = new Drain(stores, Duration.ofSeconds(30), pause, () -> clock[0], err)
                .await(stores::scope);

        assertThat(settled.drained()).isTrue();
        assertThat(settled.waited()).hasSeconds(2);
        assertThat(stores.askedAbout.since()).isEqualTo(FakeStores.SINCE);

        stores.pendingAnswers.clear();
        stores.pendingAnswers.add(new Pending(0, 0, 2, 1));
        clock[0] = 0;
        Drain.Outcome stuck = new Drain(stores, Duration.ofMillis(2500), pause, () -> clock[0], err)
                .await(stores::scope);

        assertThat(stuck.drained()).isFalse();
        assertThat(stuck.count()).isEqualTo(3);
        assertThat(stuck.pending().describe())
                .isEqualTo("2 payments PENDING or REFUNDING, 1 extra charge not refunded");
        assertThat(stuck.waited()).hasMillis(2500);
    }

    @Test
    void aRefundStillOwedKeepsTheRunFromSettlingThoughEveryOrderIsFinal() throws Exception {
        long[] clock = {0};
        stores.pendingAnswers.add(new Pending(0, 0, 0, 1));

        Drain.Outcome outcome = new Drain(stores, Duration.ofSeconds(5), d -> clock[0] += d.toNanos(),
                () -> clock[0], new PrintWriter(Writer.nullWriter())).await(stores::scope);

        assertThat(outcome.drained()).isFalse();
        assertThat(outcome.pending().describe()).isEqualTo("1 extra charge not refunded");
    }

    private void givenStockBefore() {
        stores.stock("HKT-00001", 10, 0, 0).stock("BOK-00002", 118, 1, 1);
        stores.snapshot();
    }
}

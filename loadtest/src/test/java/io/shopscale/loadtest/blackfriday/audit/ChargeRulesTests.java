package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.shopscale.loadtest.blackfriday.audit.FakeStores.check;
import static org.assertj.core.api.Assertions.assertThat;

class ChargeRulesTests {

    private final FakeStores stores = new FakeStores();

    @BeforeEach
    void unchangedStock() {
        stores.stock("BOK-00002", 100, 0, 0);
        stores.snapshot();
    }

    @Test
    void chargesMustMatchConfirmedOrdersOneToOne() throws Exception {
        UUID twice = stores.sale("u1", "BOK-00002", 1);
        stores.charge(twice, "succeeded");
        UUID unpaid = stores.order("u1", OrderRecord.CONFIRMED, null);
        stores.charges.put(unpaid, new ArrayList<>());
        UUID cancelledButCharged = stores.order("u2", OrderRecord.CANCELLED, "PAYMENT_UNAVAILABLE");
        stores.charge(cancelledButCharged, "succeeded");

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.ONE_CHARGE_PER_ORDER).examples())
                .containsExactly(twice + ": 2 succeeded charges");
        assertThat(check(audit, Invariant.CONFIRMED_ORDERS_PAID).examples())
                .containsExactly(unpaid + ": CONFIRMED without a succeeded charge");
        assertThat(check(audit, Invariant.CHARGES_HAVE_CONFIRMED_ORDERS).examples())
                .containsExactly(cancelledButCharged + ": charged but CANCELLED");
    }

    @Test
    void anExtraChargePaymentFoundAndDidNotRefundIsADoubleChargeEvenWithoutTheLedger() throws Exception {
        UUID order = stores.sale("u1", "BOK-00002", 1);
        stores.extraCharges.add(new StoreReading.ExtraCharge("ch_extra", order, false));

        Check check = check(stores.audit(null), Invariant.ONE_CHARGE_PER_ORDER);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly(order + ": extra charge ch_extra not refunded");
    }

    @Test
    void aChargeMustBeForItsOrdersTotalInItsCurrency() throws Exception {
        UUID order = stores.order("u1", OrderRecord.CONFIRMED, null);
        String wrong = stores.charge(order, "succeeded", 2500, "EUR");

        Check check = check(stores.audit(), Invariant.CHARGES_MATCH_ORDERS);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly(order + ": charge " + wrong + " is 2500 EUR, the order 2499 USD");
    }

    @Test
    void chargesForTheirOrdersTotalPass() throws Exception {
        stores.sale("u1", "BOK-00002", 1);
        stores.stock("BOK-00002", 99, 0, 1);

        assertThat(check(stores.audit(), Invariant.CHARGES_MATCH_ORDERS).status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void chargesTheProviderCouldNotReportLeaveTheCheckUnverifiedNotPassed() throws Exception {
        UUID order = stores.order("u1", OrderRecord.CONFIRMED, null);
        stores.providerCannotSay.add(order);

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.CONFIRMED_ORDERS_PAID).status()).isEqualTo(Check.Status.UNVERIFIED);
        assertThat(check(audit, Invariant.CONFIRMED_ORDERS_PAID).failed()).isTrue();
        assertThat(audit.facts().chargesUnknown()).isEqualTo(1);
    }

    @Test
    void withoutTheProvidersLedgerTheChargeChecksAreUnverifiedAndTheRunFails() throws Exception {
        stores.sale("u1", "BOK-00002", 1);
        stores.stock("BOK-00002", 99, 0, 1);

        Auditor.Audit audit = stores.audit(null);

        for (Invariant invariant : new Invariant[] {Invariant.ONE_CHARGE_PER_ORDER, Invariant.CONFIRMED_ORDERS_PAID,
            Invariant.CHARGES_HAVE_CONFIRMED_ORDERS, Invariant.CHARGES_MATCH_ORDERS,
            Invariant.PAYMENTS_MATCH_PROVIDER, Invariant.REFUNDED_DOUBLE_CHARGES}) {
            Check check = check(audit, invariant);
            assertThat(check.status()).as(invariant.label()).isEqualTo(Check.Status.UNVERIFIED);
            assertThat(check.detail()).as(invariant.label()).contains("--psp none");
        }
        // What the stores alone can tell is still judged.
        assertThat(check(audit, Invariant.PAYMENTS_SETTLED).status()).isEqualTo(Check.Status.PASS);
        assertThat(audit.passed()).isFalse();
    }
}

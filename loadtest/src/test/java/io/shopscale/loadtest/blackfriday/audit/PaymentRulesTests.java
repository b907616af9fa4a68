package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.shopscale.loadtest.blackfriday.audit.FakeStores.check;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentRulesTests {

    private final FakeStores stores = new FakeStores();

    @BeforeEach
    void oneUnitSold() {
        stores.stock("BOK-00002", 100, 0, 0);
        stores.snapshot();
        stores.stock("BOK-00002", 99, 0, 1);
    }

    @Test
    void paymentsThatAgreeWithTheProviderPass() throws Exception {
        stores.sale("u1", "BOK-00002", 1);
        // Charged, then cancelled by its deadline: the one charge refunded, by payment and at the provider alike.
        UUID refunded = stores.order("u2", OrderRecord.CANCELLED, "PAYMENT_UNAVAILABLE");
        String charge = stores.charge(refunded, "refunded");
        stores.payment(refunded, StoreReading.Payment.REFUNDED, charge);

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.PAYMENTS_MATCH_PROVIDER).status()).isEqualTo(Check.Status.PASS);
        assertThat(check(audit, Invariant.PAYMENTS_SETTLED).status()).isEqualTo(Check.Status.PASS);
        assertThat(check(audit, Invariant.REFUNDED_DOUBLE_CHARGES).status())
                .as("one refunded charge is no double charge").isEqualTo(Check.Status.PASS);
        assertThat(audit.facts().refundedCharges()).isEqualTo(1);
    }

    @Test
    void aChargeOnlyTheProviderKnowsOrOnlyPaymentKnowsIsADisagreement() throws Exception {
        UUID unknownToPayment = stores.sale("u1", "BOK-00002", 1);
        String stray = stores.charge(unknownToPayment, "refunded");
        UUID unknownToProvider = stores.sale("u1", "BOK-00002", 1);
        stores.charges.get(unknownToProvider).clear();
        UUID refundedBehindItsBack = stores.sale("u2", "BOK-00002", 1);
        String charge = stores.charges.get(refundedBehindItsBack).getFirst().id();
        stores.charges.put(refundedBehindItsBack, new ArrayList<>(List.of(
                new Charge(charge, "refunded", 2499, "USD", refundedBehindItsBack.toString()))));

        Check check = check(stores.audit(), Invariant.PAYMENTS_MATCH_PROVIDER);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactlyInAnyOrder(
                unknownToPayment + ": the provider made charge " + stray + " (refunded), payment has no record of it",
                unknownToProvider + ": payment records charge " + stores.payments.stream()
                        .filter(p -> p.orderId().equals(unknownToProvider)).findFirst().orElseThrow().chargeId()
                        + ", the provider has none",
                refundedBehindItsBack + ": charge " + charge + " is refunded at the provider, standing by payment");
    }

    @Test
    void aPaymentStillOwingARefundOrStillPendingFails() throws Exception {
        UUID cancelled = stores.order("u1", OrderRecord.CANCELLED, "EXPIRED");
        stores.payment(cancelled, StoreReading.Payment.REFUNDING, stores.charge(cancelled, "succeeded"));
        UUID pending = stores.order("u2", OrderRecord.CANCELLED, "EXPIRED");
        stores.payment(pending, StoreReading.Payment.PENDING, null);

        Check check = check(stores.audit(), Invariant.PAYMENTS_SETTLED);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactlyInAnyOrder(cancelled + ": payment still REFUNDING",
                pending + ": payment still PENDING");
    }

    @Test
    void aRefundedDoubleChargeIsAnIncidentReportedWithoutFailingTheRun() throws Exception {
        UUID twice = stores.sale("u1", "BOK-00002", 1);
        String extra = stores.charge(twice, "refunded");
        stores.extraCharges.add(new StoreReading.ExtraCharge(extra, twice, true));

        Auditor.Audit audit = stores.audit();

        Check check = check(audit, Invariant.REFUNDED_DOUBLE_CHARGES);
        assertThat(check.status()).isEqualTo(Check.Status.INCIDENT);
        assertThat(check.violations()).isEqualTo(1);
        assertThat(check.examples()).containsExactly(twice + ": 2 charges at the provider, 1 refunded; payment "
                + "refunded extra charge " + extra);
        assertThat(check(audit, Invariant.ONE_CHARGE_PER_ORDER).status()).isEqualTo(Check.Status.PASS);
        assertThat(audit.checks()).filteredOn(c -> c != check)
                .allSatisfy(c -> assertThat(c.status()).as(c.name()).isEqualTo(Check.Status.PASS));
        assertThat(audit.passed()).isTrue();
    }

    @Test
    void aDuplicateStillStandingFailsOneChargePerOrderAndIsNoIncident() throws Exception {
        UUID twice = stores.sale("u1", "BOK-00002", 1);
        String extra = stores.charge(twice, "succeeded");
        stores.extraCharges.add(new StoreReading.ExtraCharge(extra, twice, false));

        Auditor.Audit audit = stores.audit();

        assertThat(check(audit, Invariant.ONE_CHARGE_PER_ORDER).examples())
                .containsExactly(twice + ": 2 succeeded charges; extra charge " + extra + " not refunded");
        assertThat(check(audit, Invariant.REFUNDED_DOUBLE_CHARGES).status()).isEqualTo(Check.Status.PASS);
        assertThat(audit.passed()).isFalse();
    }
}

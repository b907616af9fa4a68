package io.shopscale.psp.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ChargesTests {

    @Test
    void chargesAreFoundByIdAndListedByOrder() {
        Charges charges = new Charges(10, InstantSource.system());

        Charge first = charges.record(new ChargeRequest(100L, "EUR", "c", "order-1"));
        Charge second = charges.record(new ChargeRequest(200L, "EUR", "c", "order-1"));
        Charge other = charges.record(new ChargeRequest(300L, "EUR", "c", "order-2"));

        assertThat(charges.forOrder("order-1")).containsExactly(first, second);
        assertThat(charges.forOrder("order-2")).containsExactly(other);
        assertThat(charges.find(second.id())).contains(second);
        assertThat(first.id()).isNotEqualTo(second.id()).startsWith("ch_");
    }

    @Test
    void beyondTheCapTheOldestChargesAreForgottenAndCounted() {
        Charges charges = new Charges(2, InstantSource.system());

        Charge oldest = charges.record(new ChargeRequest(1L, "EUR", "c", "order-1"));
        charges.record(new ChargeRequest(2L, "EUR", "c", "order-2"));
        charges.record(new ChargeRequest(3L, "EUR", "c", "order-3"));

        assertThat(charges.size()).isEqualTo(2);
        assertThat(charges.forgotten()).isEqualTo(1);
        assertThat(charges.find(oldest.id())).isEmpty();
        assertThat(charges.forOrder("order-1")).isEmpty();
        assertThat(charges.forOrder("order-3")).hasSize(1);
    }

    @Test
    void aChargeIsRefundedWholeAndOnce() {
        Charges charges = new Charges(10, InstantSource.system());
        Charge charge = charges.record(new ChargeRequest(100L, "EUR", "c", "order-1"));
        Charge other = charges.record(new ChargeRequest(200L, "EUR", "c", "order-1"));

        Charges.Refunding first = charges.refund(charge.id()).orElseThrow();
        Charges.Refunding second = charges.refund(charge.id()).orElseThrow();

        assertThat(first.made()).isTrue();
        assertThat(second.made()).isFalse();
        assertThat(second.refund()).isEqualTo(first.refund());
        assertThat(first.refund().id()).startsWith("re_");
        assertThat(first.refund().charge()).isEqualTo(charge.id());
        assertThat(first.refund().amount()).isEqualTo(100);
        Charge refunded = charges.find(charge.id()).orElseThrow();
        assertThat(refunded.status()).isEqualTo("refunded");
        assertThat(refunded.refundId()).isEqualTo(first.refund().id());
        assertThat(charges.forOrder("order-1")).containsExactly(refunded, other);
        assertThat(other.status()).isEqualTo("succeeded");
        assertThat(charges.refund("ch_unknown")).isEmpty();
    }

    @Test
    void aRefundedChargeIsForgottenLikeAnyOther() {
        Charges charges = new Charges(1, InstantSource.system());
        Charge oldest = charges.record(new ChargeRequest(1L, "EUR", "c", "order-1"));
        charges.refund(oldest.id());

        charges.record(new ChargeRequest(2L, "EUR", "c", "order-2"));

        assertThat(charges.forOrder("order-1")).isEmpty();
        assertThat(charges.refund(oldest.id())).isEmpty();
    }
}

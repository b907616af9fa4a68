package io.shopscale.loadtest.blackfriday.audit;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.shopscale.loadtest.blackfriday.audit.FakeStores.check;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyRulesTests {

    private final FakeStores stores = new FakeStores();

    @BeforeEach
    void stock() {
        stores.stock("BOK-00002", 100, 0, 0);
        stores.snapshot();
    }

    @Test
    void oneOrderPerAcceptedKeyPasses() throws Exception {
        stores.sale("u1", "BOK-00002", 1);
        stores.sale("u1", "BOK-00002", 1);
        stores.declined("u2");

        Check check = check(stores.audit(), Invariant.ORDERS_MATCH_KEYS);

        assertThat(check.status()).isEqualTo(Check.Status.PASS);
        assertThat(check.detail()).isEqualTo("0 of 2 shoppers with orders other than their accepted keys");
    }

    @Test
    void aShopperWithMoreOrdersThanAcceptedKeysFails() throws Exception {
        stores.sale("u1", "BOK-00002", 1);
        // A second order the client was never told about, made past the key.
        UUID duplicate = stores.order("u1", OrderRecord.CONFIRMED, null);

        Check check = check(stores.audit(), Invariant.ORDERS_MATCH_KEYS);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly("u1: 2 orders stored, 1 keys answered 202; orders without such a "
                + "key [" + duplicate + "]");
    }

    @Test
    void aKeyAnswered202WhoseOrderIsNotStoredFails() throws Exception {
        UUID lost = UUID.randomUUID();
        stores.key("u2", lost);

        Check check = check(stores.audit(), Invariant.ORDERS_MATCH_KEYS);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly("u2: 0 orders stored, 1 keys answered 202; keys whose order is "
                + "not stored [" + lost + "]");
    }

    @Test
    void otherUsersKeysAreNotTheRunsToJudge() throws Exception {
        stores.order("someone-else", OrderRecord.CONFIRMED, null);

        assertThat(check(stores.audit(), Invariant.ORDERS_MATCH_KEYS).status()).isEqualTo(Check.Status.PASS);
    }
}

package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.shopscale.loadtest.blackfriday.audit.FakeStores.check;
import static org.assertj.core.api.Assertions.assertThat;

class ServerErrorRulesTests {

    private final FakeStores stores = new FakeStores();

    @BeforeEach
    void stock() {
        stores.stock("BOK-00002", 100, 0, 0);
        stores.snapshot();
    }

    @Test
    void noServerErrorPasses() throws Exception {
        Check check = check(stores.audit(), Invariant.NO_UNINTENDED_5XX);

        assertThat(check.status()).isEqualTo(Check.Status.PASS);
        assertThat(check.detail()).isEqualTo("0 5xx answers the scenario did not intend");
    }

    @Test
    void anyServerErrorFailsByDefault() throws Exception {
        stores.answers = new Answers(List.of(), List.of(new Answers.ServerErrors("checkout", 500, 2, 0),
                new Answers.ServerErrors("order", 503, 3, 3)), false);

        Check check = check(stores.audit(), Invariant.NO_UNINTENDED_5XX);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.violations()).isEqualTo(5);
        assertThat(check.examples()).containsExactly("checkout: 2 × 500", "order: 3 × 503 (3 with Retry-After)");
        assertThat(check.detail()).contains("pass with --allow-5xx");
    }

    @Test
    void aDrillsOutageMayAnswer503WithRetryAfterButNothingElse() throws Exception {
        stores.answers = new Answers(List.of(), List.of(new Answers.ServerErrors("checkout", 503, 4, 4)), true);

        assertThat(check(stores.audit(), Invariant.NO_UNINTENDED_5XX).status()).isEqualTo(Check.Status.PASS);

        stores.answers = new Answers(List.of(), List.of(new Answers.ServerErrors("checkout", 503, 4, 3),
                new Answers.ServerErrors("search", 502, 1, 0)), true);

        Check check = check(stores.audit(), Invariant.NO_UNINTENDED_5XX);
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.examples()).containsExactly("checkout: 1 × 503", "search: 1 × 502");
        assertThat(check.detail()).isEqualTo("2 5xx answers the scenario did not intend; 3 503 with Retry-After "
                + "allowed (--allow-5xx)");
    }
}

package io.shopscale.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What each provider answer means for the money, for retries and for the circuit breaker. */
class ProviderAnswersTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSucceededChargeIsFinal() {
        var answer = ProviderAnswers.charge(200, body("{\"id\":\"ch_1\",\"status\":\"succeeded\"}"));

        assertThat(answer.result()).isEqualTo(new ChargeOutcome.Charged("ch_1"));
        assertThat(answer.retryable()).isFalse();
        assertThat(answer.providerFailed()).isFalse();
    }

    @Test
    void anUnreadableSuccessMayHaveChargedAndIsAskedAgain() {
        var noId = ProviderAnswers.charge(200, body("{\"status\":\"succeeded\"}"));
        var pending = ProviderAnswers.charge(200, body("{\"id\":\"ch_1\",\"status\":\"pending\"}"));

        assertThat(noId.result()).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(pending.result()).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(noId.retryable()).isTrue();
    }

    @Test
    void declinesAndRejectionsAreFinalAndDoNotCountAgainstTheProvider() {
        var declined = ProviderAnswers.charge(402, body("{\"status\":\"declined\",\"code\":\"expired_card\"}"));
        var rejected = ProviderAnswers.charge(400, body("{\"code\":\"idempotency_key_reused\"}"));
        var withoutCode = ProviderAnswers.charge(402, null);

        assertThat(declined.result()).isEqualTo(new ChargeOutcome.Declined("expired_card"));
        assertThat(rejected.result()).isEqualTo(new ChargeOutcome.Rejected("idempotency_key_reused"));
        assertThat(withoutCode.result()).isEqualTo(new ChargeOutcome.Declined("declined"));
        assertThat(List.of(declined, rejected)).allSatisfy(answer -> {
            assertThat(answer.retryable()).isFalse();
            assertThat(answer.providerFailed()).isFalse();
        });
    }

    @Test
    void aProblemDocumentsTypeNamesTheRejection() {
        var reused = ProviderAnswers.charge(400, body("{\"type\":\"/problems/idempotency-key-reused\","
                + "\"title\":\"Idempotency key reused\",\"status\":400}"));
        var invalid = ProviderAnswers.charge(400, body("{\"type\":\"about:blank\",\"parameter\":\"amount\"}"));

        assertThat(reused.result()).isEqualTo(new ChargeOutcome.Rejected("idempotency-key-reused"));
        assertThat(invalid.result()).isEqualTo(new ChargeOutcome.Rejected("invalid_request"));
    }

    @Test
    void aKeyInFlightIsRetriedButIsNotTheProvidersFault() {
        var answer = ProviderAnswers.charge(409, null);

        assertThat(answer.result()).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(answer.retryable()).isTrue();
        assertThat(answer.providerFailed()).isFalse();
    }

    @Test
    void a500SpendsTheKeySoItIsNotRetriedUnderIt() {
        var answer = ProviderAnswers.charge(500, body("{\"code\":\"internal_error\"}"));

        assertThat(answer.result()).isInstanceOf(ChargeOutcome.KeySpent.class);
        assertThat(answer.retryable()).isFalse();
        assertThat(answer.providerFailed()).isTrue();
    }

    @Test
    void gatewayErrorsMayHaveChargedAndAreRetriedUnderTheSameKey() {
        for (int status : new int[] {502, 503, 504}) {
            var answer = ProviderAnswers.charge(status, null);

            assertThat(answer.result()).as("status %d", status).isInstanceOf(ChargeOutcome.Unknown.class);
            assertThat(answer.retryable()).isTrue();
            assertThat(answer.providerFailed()).isTrue();
        }
    }

    @Test
    void throttlingAndRefusedRequestsChargedNothing() {
        var throttled = ProviderAnswers.charge(429, null);
        var unauthorized = ProviderAnswers.charge(401, null);

        assertThat(throttled.result()).isInstanceOf(ChargeOutcome.NotSent.class);
        assertThat(throttled.retryable()).isTrue();
        assertThat(unauthorized.result()).isInstanceOf(ChargeOutcome.NotSent.class);
        assertThat(unauthorized.retryable()).isFalse();
        assertThat(unauthorized.providerFailed()).isTrue();
    }

    @Test
    void theLookupAdoptsOnlySucceededChargesOfTheOrder() {
        UUID order = UUID.randomUUID();
        var answer = ProviderAnswers.lookUp(order, 200, body("[{\"id\":\"ch_1\",\"status\":\"failed\",\"orderRef\":\""
                + order + "\"},{\"id\":\"ch_2\",\"status\":\"succeeded\",\"orderRef\":\"" + order + "\"},"
                + "{\"id\":\"ch_3\",\"status\":\"succeeded\",\"orderRef\":\"other\"}]"));

        assertThat(answer.result()).isEqualTo(new Reconciliation.Charged(List.of("ch_2")));
        assertThat(ProviderAnswers.lookUp(order, 200, body("[]")).result())
                .isEqualTo(new Reconciliation.NotCharged());
        assertThat(ProviderAnswers.lookUp(order, 500, null).result())
                .isInstanceOf(Reconciliation.Unreachable.class);
    }

    @Test
    void aRefundedChargeIsNoLongerOneTheLookupAdopts() {
        UUID order = UUID.randomUUID();
        var answer = ProviderAnswers.lookUp(order, 200, body("[{\"id\":\"ch_1\",\"status\":\"refunded\","
                + "\"refunded\":true,\"refundId\":\"re_1\",\"orderRef\":\"" + order + "\"}]"));

        assertThat(answer.result()).isEqualTo(new Reconciliation.NotCharged());
    }

    @Test
    void onlyAConfirmedRefundEndsTheRefund() {
        var refunded = ProviderAnswers.refund(200, body("{\"id\":\"re_1\",\"charge\":\"ch_1\",\"amount\":100,"
                + "\"status\":\"succeeded\"}"));
        var unreadable = ProviderAnswers.refund(200, body("{\"charge\":\"ch_1\"}"));

        assertThat(refunded.result()).isEqualTo(new RefundOutcome.Refunded("re_1"));
        assertThat(refunded.outcome()).isEqualTo("refunded");
        assertThat(refunded.retryable()).isFalse();
        assertThat(refunded.providerFailed()).isFalse();
        assertThat(unreadable.result()).isInstanceOf(RefundOutcome.Unconfirmed.class);
        assertThat(unreadable.retryable()).isTrue();
    }

    @Test
    void anUnknownChargeOrABadRequestIsTheProvidersConsideredRefusal() {
        var unknown = ProviderAnswers.refund(404, body("{\"type\":\"/problems/not-found\",\"status\":404}"));
        var reused = ProviderAnswers.refund(400, body("{\"code\":\"idempotency_key_reused\"}"));

        assertThat(unknown.result()).isEqualTo(new RefundOutcome.Refused("not-found"));
        assertThat(unknown.outcome()).isEqualTo("unknown_charge");
        assertThat(reused.result()).isEqualTo(new RefundOutcome.Refused("idempotency_key_reused"));
        assertThat(List.of(unknown, reused)).allSatisfy(answer -> {
            assertThat(answer.retryable()).isFalse();
            assertThat(answer.providerFailed()).isFalse();
        });
    }

    @Test
    void everythingElseLeavesTheRefundUnconfirmedAndIsAskedAgainUnderTheSameKey() {
        for (int status : new int[] {409, 429, 500, 502, 503, 504}) {
            var answer = ProviderAnswers.refund(status, null);

            assertThat(answer.result()).as("status %d", status).isInstanceOf(RefundOutcome.Unconfirmed.class);
            assertThat(answer.retryable()).as("status %d", status).isTrue();
            assertThat(answer.providerFailed()).as("status %d", status).isEqualTo(status != 409);
        }
    }

    private JsonNode body(String text) {
        return json.readTree(text);
    }
}

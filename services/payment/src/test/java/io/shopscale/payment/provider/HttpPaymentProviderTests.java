package io.shopscale.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.payment.TestProvider;
import io.shopscale.payment.domain.Attempt;
import io.shopscale.payment.domain.Attempts;
import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.ChargeRequest;
import io.shopscale.payment.domain.PaymentId;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import io.shopscale.payment.domain.RefundRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** The provider client against a real HTTP provider: what is retried under the same key, what never is. */
class HttpPaymentProviderTests {

    private static final TestProvider PROVIDER = TestProvider.start();

    private final RecordedAttempts attempts = new RecordedAttempts();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private HttpPaymentProvider provider;

    @BeforeEach
    void provider() {
        PROVIDER.reset();
        provider = provider(2, Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void aChargeIsMadeOnceAndRecorded() {
        ChargeRequest request = request(UUID.randomUUID());

        ChargeOutcome outcome = provider.charge(request);

        String orderRef = request.orderId().toString();
        assertThat(PROVIDER.chargesFor(orderRef)).hasSize(1);
        assertThat(outcome).isEqualTo(new ChargeOutcome.Charged(PROVIDER.chargesFor(orderRef).getFirst().id()));
        assertThat(attempts.outcomes()).containsExactly("succeeded");
        assertThat(attempts.all.getFirst().httpStatus()).isEqualTo(200);
        assertThat(attempts.all.getFirst().idempotencyKey()).isEqualTo(request.idempotencyKey());
    }

    @Test
    void aKeyStillInFlightIsAskedAgainUnderTheSameKey() {
        ChargeRequest request = request(UUID.randomUUID());
        PROVIDER.script(request.orderId().toString(), TestProvider.Behaviour.CONFLICT,
                TestProvider.Behaviour.CONFLICT);

        ChargeOutcome outcome = provider.charge(request);

        assertThat(outcome).isInstanceOf(ChargeOutcome.Charged.class);
        assertThat(attempts.outcomes()).containsExactly("in_flight", "in_flight", "succeeded");
        assertThat(attempts.all).allSatisfy(attempt ->
                assertThat(attempt.idempotencyKey()).isEqualTo(request.idempotencyKey()));
        assertThat(PROVIDER.chargesFor(request.orderId().toString())).hasSize(1);
    }

    @Test
    void aLostAnswerIsAskedAgainAndTheProviderReplaysTheCharge() {
        ChargeRequest request = request(UUID.randomUUID());
        PROVIDER.script(request.orderId().toString(), TestProvider.Behaviour.CHARGE_THEN_HANG);

        ChargeOutcome outcome = provider.charge(request);

        List<TestProvider.Charge> charges = PROVIDER.chargesFor(request.orderId().toString());
        assertThat(charges).hasSize(1);
        assertThat(outcome).isEqualTo(new ChargeOutcome.Charged(charges.getFirst().id()));
        assertThat(attempts.outcomes()).containsExactly("timeout", "succeeded");
    }

    @Test
    @Timeout(30)
    void anAnswerWhoseBodyNeverArrivesIsALostAnswerNotAStuckWorker() {
        ChargeRequest request = request(UUID.randomUUID());
        PROVIDER.script(request.orderId().toString(), TestProvider.Behaviour.CHARGE_THEN_STALL_BODY);

        ChargeOutcome outcome = provider.charge(request);

        List<TestProvider.Charge> charges = PROVIDER.chargesFor(request.orderId().toString());
        assertThat(charges).hasSize(1);
        assertThat(outcome).isEqualTo(new ChargeOutcome.Charged(charges.getFirst().id()));
        assertThat(attempts.outcomes()).containsExactly("timeout", "succeeded");
    }

    @Test
    void declinesAndRejectionsAreFinalAndNotRetried() {
        ChargeRequest declined = request(UUID.randomUUID());
        PROVIDER.script(declined.orderId().toString(), TestProvider.Behaviour.DECLINE);
        PROVIDER.declineCode(declined.orderId().toString(), "insufficient_funds");
        ChargeRequest first = request(UUID.randomUUID());
        ChargeRequest reused = new ChargeRequest(first.paymentId(), first.orderId(), first.idempotencyKey(),
                first.amount() + 1, first.currency(), first.customer(), first.notAfter());

        assertThat(provider.charge(declined)).isEqualTo(new ChargeOutcome.Declined("insufficient_funds"));
        provider.charge(first);
        assertThat(provider.charge(reused)).isEqualTo(new ChargeOutcome.Rejected("idempotency_key_reused"));

        assertThat(PROVIDER.chargeRequests(declined.orderId().toString())).isEqualTo(1);
        assertThat(PROVIDER.chargeRequests(first.orderId().toString())).isEqualTo(2);
        assertThat(attempts.outcomes()).containsExactly("declined", "succeeded", "rejected");
    }

    @Test
    void aProviderErrorSpendsTheKeyAndIsNotRetriedUnderIt() {
        ChargeRequest request = request(UUID.randomUUID());
        PROVIDER.script(request.orderId().toString(), TestProvider.Behaviour.ERROR_500);

        assertThat(provider.charge(request)).isInstanceOf(ChargeOutcome.KeySpent.class);
        assertThat(provider.charge(request)).as("the provider replays the 500 under the key")
                .isInstanceOf(ChargeOutcome.KeySpent.class);
        assertThat(PROVIDER.chargeRequests(request.orderId().toString())).isEqualTo(2);
        assertThat(PROVIDER.chargesFor(request.orderId().toString())).isEmpty();
    }

    @Test
    void aCallThatWentUnansweredKeepsTheChargeInDoubtWhateverTheRetriesMeet() throws Exception {
        ChargeRequest request = request(UUID.randomUUID());
        PROVIDER.script(request.orderId().toString(), TestProvider.Behaviour.CHARGE_THEN_HANG);

        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ChargeOutcome> outcome = caller.submit(() -> provider.charge(request));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> PROVIDER.chargesFor(request.orderId().toString()).size() == 1);
            PROVIDER.down();

            assertThat(outcome.get()).isInstanceOf(ChargeOutcome.Unknown.class);
        }
        assertThat(attempts.outcomes()).first().isIn("timeout", "connection_failed");
        assertThat(attempts.outcomes()).last().isEqualTo("connection_refused");
    }

    @Test
    void noCallStartsOnceThePaymentDeadlinePassed() {
        ChargeRequest late = request(UUID.randomUUID(), Instant.now().minusSeconds(1));

        assertThat(provider.charge(late)).isEqualTo(new ChargeOutcome.NotSent("the payment deadline has passed"));
        assertThat(PROVIDER.chargeRequests(late.orderId().toString())).isZero();
        assertThat(attempts.outcomes()).containsExactly("deadline_passed");
        assertThat(breakers.circuitBreaker(HttpPaymentProvider.NAME).getMetrics().getNumberOfBufferedCalls())
                .isZero();
    }

    @Test
    void refusedConnectionsAreRetriedThenTheBreakerStopsCalling() {
        PROVIDER.down();

        assertThat(provider.charge(request(UUID.randomUUID()))).isInstanceOf(ChargeOutcome.NotSent.class);
        assertThat(attempts.outcomes()).containsExactly("connection_refused", "connection_refused",
                "connection_refused");
        provider.charge(request(UUID.randomUUID()));
        ChargeOutcome refused = provider.charge(request(UUID.randomUUID()));

        assertThat(breakers.circuitBreaker(HttpPaymentProvider.NAME).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(refused).isEqualTo(new ChargeOutcome.NotSent("circuit open"));
        assertThat(attempts.outcomes().getLast()).isEqualTo("circuit_open");
        assertThat(provider.lookUp(PaymentId.random(), UUID.randomUUID()))
                .isEqualTo(new Reconciliation.Unreachable("circuit open"));
    }

    @Test
    void theLookupFindsOnlyTheOrdersSucceededCharges() {
        ChargeRequest charged = request(UUID.randomUUID());
        provider.charge(charged);

        assertThat(provider.lookUp(charged.paymentId(), charged.orderId())).isEqualTo(new Reconciliation.Charged(
                List.of(PROVIDER.chargesFor(charged.orderId().toString()).getFirst().id())));
        assertThat(provider.lookUp(PaymentId.random(), UUID.randomUUID()))
                .isEqualTo(new Reconciliation.NotCharged());
        PROVIDER.down();
        assertThat(provider.lookUp(PaymentId.random(), UUID.randomUUID()))
                .isInstanceOf(Reconciliation.Unreachable.class);
    }

    @Test
    void aChargeIsRefundedOnceAndAskingAgainGetsTheSameRefund() {
        ChargeRequest charged = request(UUID.randomUUID());
        provider.charge(charged);
        String orderRef = charged.orderId().toString();
        RefundRequest refund = new RefundRequest(charged.paymentId(), charged.orderId(),
                PROVIDER.chargesFor(orderRef).getFirst().id(), "refund:" + orderRef);

        RefundOutcome first = provider.refund(refund);
        RefundOutcome again = provider.refund(refund);

        assertThat(first).isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(again).isEqualTo(first);
        assertThat(PROVIDER.standingCharges(orderRef)).isEmpty();
        assertThat(PROVIDER.chargesFor(orderRef)).singleElement().satisfies(charge -> {
            assertThat(charge.status()).isEqualTo("refunded");
            assertThat(charge.refundId()).isEqualTo(((RefundOutcome.Refunded) first).refundId());
        });
        assertThat(attempts.all).last().satisfies(attempt -> {
            assertThat(attempt.operation()).isEqualTo(Attempt.Operation.REFUND);
            assertThat(attempt.idempotencyKey()).isEqualTo("refund:" + orderRef);
            assertThat(attempt.outcome()).isEqualTo("refunded");
            assertThat(attempt.httpStatus()).isEqualTo(200);
        });
        assertThat(provider.lookUp(charged.paymentId(), charged.orderId())).isEqualTo(new Reconciliation.NotCharged());
    }

    @Test
    void aRefundOfAnUnknownChargeIsRefusedAndNotAskedAgainWithinTheCall() {
        UUID orderId = UUID.randomUUID();

        RefundOutcome outcome = provider.refund(new RefundRequest(PaymentId.random(), orderId, "ch_unknown",
                "refund:" + orderId));

        assertThat(outcome).isEqualTo(new RefundOutcome.Refused("not-found"));
        assertThat(attempts.outcomes()).containsExactly("unknown_charge");
    }

    @Test
    void aRefundWhileTheProviderIsDownIsRetriedThenLeftUnconfirmed() {
        ChargeRequest charged = request(UUID.randomUUID());
        provider.charge(charged);
        RefundRequest refund = new RefundRequest(charged.paymentId(), charged.orderId(),
                PROVIDER.chargesFor(charged.orderId().toString()).getFirst().id(), "refund:" + charged.orderId());
        PROVIDER.down();

        assertThat(provider.refund(refund)).isInstanceOf(RefundOutcome.Unconfirmed.class);
        assertThat(attempts.outcomes()).containsExactly("succeeded", "connection_refused", "connection_refused",
                "connection_refused");
        PROVIDER.up();
        assertThat(provider.refund(refund)).isInstanceOf(RefundOutcome.Refunded.class);
    }

    @Test
    void theBulkheadBoundsCallsInProgress() throws Exception {
        HttpPaymentProvider bounded = provider(2, Duration.ofSeconds(2));
        PROVIDER.latency(Duration.ofMillis(300));

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ChargeOutcome>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> callers.submit(() -> bounded.charge(request(UUID.randomUUID()))))
                    .toList();
            for (Future<ChargeOutcome> call : calls) {
                assertThat(call.get()).isInstanceOf(ChargeOutcome.Charged.class);
            }
        }
        assertThat(PROVIDER.maxSlowInProgress()).isEqualTo(2);
    }

    private HttpPaymentProvider provider(int maxConcurrentCalls, Duration maxWaitForPermit) {
        ProviderProperties properties = new ProviderProperties(PROVIDER.uri(), Duration.ofMillis(200),
                Duration.ofMillis(500), maxConcurrentCalls, maxWaitForPermit,
                new ProviderProperties.Retry(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 0.5),
                new ProviderProperties.CircuitBreaker(6, 6, 50, Duration.ofMinutes(1), 2));
        breakers.remove(HttpPaymentProvider.NAME);
        return new HttpPaymentProvider(properties, JsonMapper.builder().build(), attempts, new SimpleMeterRegistry(),
                Clock.systemUTC(), breakers, BulkheadRegistry.ofDefaults(), RetryRegistry.ofDefaults());
    }

    private static ChargeRequest request(UUID orderId) {
        return request(orderId, Instant.now().plus(Duration.ofMinutes(10)));
    }

    private static ChargeRequest request(UUID orderId, Instant notAfter) {
        return new ChargeRequest(PaymentId.random(), orderId, orderId.toString(), 1_299, "USD", "user-1", notAfter);
    }

    private static final class RecordedAttempts implements Attempts {

        final List<Attempt> all = new CopyOnWriteArrayList<>();

        @Override
        public void record(Attempt attempt) {
            all.add(attempt);
        }

        @Override
        public List<Attempt> of(PaymentId paymentId) {
            return all.stream().filter(attempt -> attempt.paymentId().equals(paymentId)).toList();
        }

        List<String> outcomes() {
            return all.stream().map(Attempt::outcome).toList();
        }
    }
}

package io.shopscale.payment.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shopscale.payment.domain.Attempt;
import io.shopscale.payment.domain.Attempts;
import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.ChargeRequest;
import io.shopscale.payment.domain.PaymentId;
import io.shopscale.payment.domain.PaymentProvider;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import io.shopscale.payment.domain.RefundRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider over HTTP, each call inside three guards: a bulkhead (a bounded number of calls at once, so a slow
 * provider holds a bounded share of the service), a circuit breaker (no calls at all for a while once most recent
 * ones failed) and, outermost, a retry of answers that leave the same key worth asking again, with exponential
 * backoff and jitter. Each call's own time limit is the HTTP client's: a timed-out request is really abandoned, its
 * connection and bulkhead slot freed. Every call made, and every call the guards refused, is recorded.
 */
@Component
class HttpPaymentProvider implements PaymentProvider, DisposableBean {

    static final String NAME = "payment-provider";

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentProvider.class);

    private final ProviderApi api;
    private final Attempts attempts;
    private final MeterRegistry meters;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry chargeRetry;
    private final Retry lookUpRetry;
    private final Retry refundRetry;
    private final Duration longestCall;

    HttpPaymentProvider(ProviderProperties properties, JsonMapper json, Attempts attempts, MeterRegistry meters,
                        Clock clock, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                        RetryRegistry retries) {
        this.api = new ProviderApi(properties, json);
        this.longestCall = properties.longestCall();
        this.attempts = attempts;
        this.meters = meters;
        this.clock = clock;
        ProviderProperties.CircuitBreaker breaking = properties.circuitBreaker();
        this.breaker = breakers.circuitBreaker(NAME, CircuitBreakerConfig.custom()
                .slidingWindowSize(breaking.slidingWindow())
                .minimumNumberOfCalls(breaking.minimumCalls())
                .failureRateThreshold(breaking.failureRate())
                .waitDurationInOpenState(breaking.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaking.halfOpenCalls())
                .recordResult(result -> result instanceof ProviderAnswer<?> answer && answer.providerFailed())
                // A full bulkhead says this service is busy, a passed deadline that the payment is over; neither
                // says the provider failed.
                .ignoreExceptions(BulkheadFullException.class, DeadlinePassedException.class)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("payment provider circuit {}", event.getStateTransition()));
        this.bulkhead = bulkheads.bulkhead(NAME, BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(properties.maxWaitForPermit())
                .build());
        ProviderProperties.Retry retry = properties.retry();
        RetryConfig sameKey = RetryConfig.<ProviderAnswer<?>>custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(),
                        retry.multiplier(), retry.jitter(), retry.maxBackoff()))
                .retryOnResult(ProviderAnswer::retryable)
                // The guards' refusals are not retried here: the payment is put off instead.
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build();
        this.chargeRetry = retries.retry(NAME + "-charge", sameKey);
        this.lookUpRetry = retries.retry(NAME + "-lookup", sameKey);
        this.refundRetry = retries.retry(NAME + "-refund", sameKey);
    }

    @Override
    public ChargeOutcome charge(ChargeRequest request) {
        Call call = new Call(request.paymentId(), Attempt.Operation.CHARGE, request.idempotencyKey());
        ChargeOutcome outcome;
        try {
            outcome = guarded(chargeRetry, call, () -> {
                // Checked before every call, retries too: a charge never starts once the payment deadline passed.
                if (!clock.instant().isBefore(request.notAfter())) {
                    throw new DeadlinePassedException();
                }
                return api.charge(request);
            }, ChargeOutcome.NotSent::new);
        } catch (DeadlinePassedException e) {
            outcome = call.refused("deadline_passed", new ChargeOutcome.NotSent("the payment deadline has passed"));
        }
        // The retry hands back only the last answer. One that sent nothing does not undo an earlier call that may
        // have charged without answering.
        if (outcome instanceof ChargeOutcome.NotSent notSent && call.unanswered) {
            return new ChargeOutcome.Unknown("an earlier call went unanswered, then " + notSent.detail());
        }
        return outcome;
    }

    @Override
    public Reconciliation lookUp(PaymentId paymentId, UUID orderId) {
        Call call = new Call(paymentId, Attempt.Operation.LOOKUP, null);
        return guarded(lookUpRetry, call, () -> api.lookUp(orderId), Reconciliation.Unreachable::new);
    }

    /** Behind the same guards as a charge, but no deadline: a refund is owed however late it is. */
    @Override
    public RefundOutcome refund(RefundRequest request) {
        Call call = new Call(request.paymentId(), Attempt.Operation.REFUND, request.idempotencyKey());
        return guarded(refundRetry, call, () -> api.refund(request), RefundOutcome.Unconfirmed::new);
    }

    @Override
    public Duration longestCall() {
        return longestCall;
    }

    @Override
    public void destroy() {
        api.close();
    }

    /**
     * Makes the call behind the retry, the breaker and the bulkhead, recording every attempt; a call the breaker or
     * the bulkhead turns away is recorded too and answered with {@code notMade} and the reason.
     */
    private <T> T guarded(Retry retry, Call call, Supplier<ProviderAnswer<T>> attempt, Function<String, T> notMade) {
        Supplier<ProviderAnswer<T>> recorded = () -> call.recorded(attempt.get());
        try {
            return Retry.decorateSupplier(retry,
                    CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, recorded))).get()
                    .result();
        } catch (CallNotPermittedException e) {
            return call.refused("circuit_open", notMade.apply("circuit open"));
        } catch (BulkheadFullException e) {
            return call.refused("bulkhead_full", notMade.apply("too many provider calls in progress"));
        }
    }

    /** Thrown inside the guards so that a call the deadline forbids counts for neither the breaker nor the retry. */
    private static final class DeadlinePassedException extends RuntimeException {

        DeadlinePassedException() {
            super("the payment deadline has passed", null, false, false);
        }
    }

    /** One payment's calls, each recorded as an attempt and in the metrics however it ends. */
    private final class Call {

        private final PaymentId paymentId;
        private final Attempt.Operation operation;
        private final String key;
        private boolean unanswered;

        Call(PaymentId paymentId, Attempt.Operation operation, String key) {
            this.paymentId = paymentId;
            this.operation = operation;
            this.key = key;
        }

        <T> ProviderAnswer<T> recorded(ProviderAnswer<T> answer) {
            unanswered |= answer.result() instanceof ChargeOutcome.Unknown;
            record(answer.outcome(), answer.httpStatus(), answer.took(), answer.error());
            if (answer.error() != null) {
                log.info("payment {}: {} {} -> {} ({})", paymentId, operation, key == null ? "" : key,
                        answer.outcome(), answer.error());
            }
            return answer;
        }

        <T> T refused(String outcome, T result) {
            record(outcome, null, Duration.ZERO, outcome.replace('_', ' '));
            return result;
        }

        private void record(String outcome, Integer status, Duration took, String error) {
            Timer.builder("payment.provider.calls")
                    .description("Calls to the payment provider (and calls its guards refused), by outcome")
                    .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(took);
            try {
                attempts.record(new Attempt(paymentId, operation, key, outcome, status, took, error,
                        clock.instant().minus(took)));
            } catch (RuntimeException e) {
                // The payment's own state still moves on through its outcome; only the record of this call is lost.
                log.warn("could not record a provider call of payment {}: {}", paymentId, e.getMessage());
            }
        }
    }
}

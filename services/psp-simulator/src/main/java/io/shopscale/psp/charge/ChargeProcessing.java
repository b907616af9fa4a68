package io.shopscale.psp.charge;

import io.shopscale.psp.fault.Decision;
import io.shopscale.psp.fault.Faults;
import io.shopscale.psp.fault.Outcome;
import io.shopscale.psp.idempotency.IdempotencyKeys;
import io.shopscale.psp.idempotency.StoredResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Processes one charge request: claims its idempotency key, draws its fate, and answers after the simulated latency.
 * The wait is a task on a scheduler completing a {@link DeferredResult}, not a sleeping thread, so thousands of slow
 * or hanging charges cost sockets and small objects only (Tomcat's own cap, 8192 connections, is the limit).
 */
@Component
class ChargeProcessing {

    /** A charge is answered long before this unless it hangs on purpose; only a stalled scheduler reaches it. */
    static final Duration BACKSTOP = Duration.ofSeconds(30);

    private final KeyClaims claims;
    private final IdempotencyKeys keys;
    private final Charges charges;
    private final Faults faults;
    private final Answers answers;
    private final HangingRequests hanging;
    private final ChargeMetrics metrics;
    private final ScheduledExecutorService scheduler;

    ChargeProcessing(KeyClaims claims, IdempotencyKeys keys, Charges charges, Faults faults, Answers answers,
                     HangingRequests hanging, ChargeMetrics metrics, ScheduledExecutorService chargeScheduler) {
        this.claims = claims;
        this.keys = keys;
        this.charges = charges;
        this.faults = faults;
        this.answers = answers;
        this.hanging = hanging;
        this.metrics = metrics;
        this.scheduler = chargeScheduler;
    }

    DeferredResult<ResponseEntity<byte[]>> charge(String key, ChargeRequest request, URI instance, String requestId) {
        Optional<ResponseEntity<byte[]>> earlier = claims.claim(key, request);
        if (earlier.isPresent()) {
            DeferredResult<ResponseEntity<byte[]>> replay = new DeferredResult<>();
            replay.setResult(earlier.get());
            return replay;
        }
        return process(key, request, instance, requestId);
    }

    private DeferredResult<ResponseEntity<byte[]>> process(String key, ChargeRequest request, URI instance,
                                                           String requestId) {
        Decision decision = faults.decide(key);
        boolean hangs = decision.outcome() == Outcome.TIMED_OUT;
        long waitMillis = decision.delay().plus(hangs ? decision.hang() : BACKSTOP).toMillis();
        // Servlet async treats a timeout of 0 as "never", so a hang of 0 is one millisecond.
        DeferredResult<ResponseEntity<byte[]>> result = new DeferredResult<>(Math.max(1, waitMillis),
                () -> answers.noAnswer(instance, requestId));
        if (hangs) {
            hanging.hold(result, () -> answers.noAnswer(instance, requestId));
        }
        Runnable completion = () -> complete(key, request, decision, result, instance, requestId);
        if (decision.delay().isZero()) {
            completion.run();
        } else {
            try {
                scheduler.schedule(completion, decision.delay().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                keys.release(key);
                throw shuttingDown;
            }
        }
        return result;
    }

    private void complete(String key, ChargeRequest request, Decision decision,
                          DeferredResult<ResponseEntity<byte[]>> result, URI instance, String requestId) {
        try {
            StoredResponse response = switch (decision.outcome()) {
                case SUCCEEDED, TIMED_OUT -> answers.charged(charges.record(request));
                case DECLINED -> answers.declined(decision.declineCode());
                case FAILED -> answers.failed(instance, requestId);
            };
            // Stored before it is sent: a client that retries the moment it has the answer gets the replay.
            keys.complete(key, response);
            metrics.outcome(decision.outcome());
            if (decision.outcome() != Outcome.TIMED_OUT) {
                result.setResult(answers.send(response, false));
            }
        } catch (RuntimeException e) {
            keys.release(key);
            result.setErrorResult(e);
        }
    }
}

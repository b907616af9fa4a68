package io.shopscale.psp.charge;

import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.platform.web.NotFoundException;
import io.shopscale.psp.fault.Faults;
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
 * Processes one refund request: claims its idempotency key, refunds the whole charge once, and answers after the
 * simulated latency (latency plus jitter; the decline, error and timeout knobs are for charges only). A charge
 * refunded before, under any key, is answered with the refund it already has.
 */
@Component
class RefundProcessing {

    private final KeyClaims claims;
    private final IdempotencyKeys keys;
    private final Charges charges;
    private final Faults faults;
    private final Answers answers;
    private final ChargeMetrics metrics;
    private final ScheduledExecutorService scheduler;

    RefundProcessing(KeyClaims claims, IdempotencyKeys keys, Charges charges, Faults faults, Answers answers,
                     ChargeMetrics metrics, ScheduledExecutorService chargeScheduler) {
        this.claims = claims;
        this.keys = keys;
        this.charges = charges;
        this.faults = faults;
        this.answers = answers;
        this.metrics = metrics;
        this.scheduler = chargeScheduler;
    }

    /**
     * The key is claimed first, so that a retry gets its first answer even if the charge has since been forgotten;
     * an unknown charge or a partial amount then gives the key back, as any bad input does.
     */
    DeferredResult<ResponseEntity<byte[]>> refund(String key, RefundRequest request, URI instance, String requestId) {
        Optional<ResponseEntity<byte[]>> earlier = claims.claim(key, request);
        if (earlier.isPresent()) {
            DeferredResult<ResponseEntity<byte[]>> replay = new DeferredResult<>();
            replay.setResult(earlier.get());
            return replay;
        }
        try {
            check(request);
        } catch (RuntimeException invalid) {
            keys.release(key);
            throw invalid;
        }
        Duration delay = faults.delay(key);
        long waitMillis = delay.plus(ChargeProcessing.BACKSTOP).toMillis();
        DeferredResult<ResponseEntity<byte[]>> result = new DeferredResult<>(waitMillis,
                () -> answers.noAnswer("refund", instance, requestId));
        Runnable completion = () -> complete(key, request, result);
        if (delay.isZero()) {
            completion.run();
        } else {
            try {
                scheduler.schedule(completion, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                keys.release(key);
                throw shuttingDown;
            }
        }
        return result;
    }

    private void check(RefundRequest request) {
        Charge charge = charges.find(request.charge()).orElseThrow(RefundProcessing::unknownCharge);
        if (request.amount() != null && request.amount() != charge.amount()) {
            throw new InvalidParameterException("amount", "Partial refunds are not supported: leave amount out, or "
                    + "give the charge's whole amount.");
        }
    }

    private void complete(String key, RefundRequest request, DeferredResult<ResponseEntity<byte[]>> result) {
        try {
            Optional<Charges.Refunding> refunding = charges.refund(request.charge());
            if (refunding.isEmpty()) {
                // Forgotten (max-charges) while the answer was delayed: as unknown as one never made.
                keys.release(key);
                result.setErrorResult(unknownCharge());
                return;
            }
            StoredResponse response = answers.refunded(refunding.get().refund());
            // Stored before it is sent: a client that retries the moment it has the answer gets the replay.
            keys.complete(key, response);
            metrics.refund(refunding.get().made());
            result.setResult(answers.send(response, false));
        } catch (RuntimeException e) {
            keys.release(key);
            result.setErrorResult(e);
        }
    }

    private static NotFoundException unknownCharge() {
        return new NotFoundException("There is no charge with this id.");
    }
}

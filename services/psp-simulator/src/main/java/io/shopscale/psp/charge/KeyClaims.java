package io.shopscale.psp.charge;

import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.psp.idempotency.Claim;
import io.shopscale.psp.idempotency.IdempotencyKeys;
import io.shopscale.psp.idempotency.StoredResponse;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} rules that charges and refunds share. Both draw on one set of keys, as at Stripe: a key
 * first used for a charge and then for a refund is a key used with other parameters.
 */
@Component
class KeyClaims {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeys keys;
    private final Answers answers;
    private final ChargeMetrics metrics;

    KeyClaims(IdempotencyKeys keys, Answers answers, ChargeMetrics metrics) {
        this.keys = keys;
        this.answers = answers;
        this.metrics = metrics;
    }

    /** The header's value, checked before anything is claimed: a bad key uses up nothing. */
    static String require(String key, String purpose) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidParameterException(IDEMPOTENCY_KEY,
                    "The Idempotency-Key header is required: 1 to 255 characters naming this " + purpose + ".");
        }
        return key;
    }

    /**
     * Claims the key for a request with these parameters (compared with {@code equals}).
     *
     * @return empty when this request is the key's first and is to be processed; otherwise the first request's
     *         response, to send again
     * @throws KeyInFlightException while the key's first request is still processed (409)
     * @throws KeyReusedException when the key was first used with other parameters (400)
     */
    Optional<ResponseEntity<byte[]>> claim(String key, Object parameters) {
        switch (keys.claim(key, parameters)) {
            case Claim.Replay(StoredResponse response) -> {
                metrics.keyReplayed();
                return Optional.of(answers.send(response, true));
            }
            case Claim.InFlight() -> {
                metrics.keyInFlight();
                throw new KeyInFlightException();
            }
            case Claim.Reused() -> {
                metrics.keyReused();
                throw new KeyReusedException();
            }
            case Claim.Started() -> {
                return Optional.empty();
            }
        }
    }
}
